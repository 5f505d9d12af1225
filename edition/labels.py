"""Interface strings of the edition, per language; the edition's own words, never the author's."""

from __future__ import annotations

from edition.model import LANGUAGES

LABELS: dict[str, dict[str, str]] = {
    "tr": {
        "paragraph": "Paragraf",
        "paragraph_link": "Paragraf {n}: bu paragrafın kalıcı bağlantısı",
        "footnote": "dipnot",
        "citations": "Kaynaklar",
        "works": "Atıf yapılan eserler",
        "documents": "Arşiv belgeleri",
        "documents_index": "Belgeler",
        "incomplete_title": "Künyeler eksik",
        "incomplete_note": (
            "Makalenin kaynakça listesi bu edisyonun kaynak metninde yer almıyor. Bu nedenle "
            "her eser yalnızca makalenin verdiği biçimiyle, yazarın soyadı ya da eserin adıyla, "
            "ve makalede atıf yapılan sayfalarla gösterilir. Tam künyeler bilinmiyor; hiçbir "
            "bilgi tahminle eklenmemiştir."
        ),
        "incomplete": "Tam künye bilinmiyor.",
        "pages_cited": "Atıf yapılan sayfalar",
        "cited_at": "Atıf yapılan yerler",
        "web_page": "Web sayfası",
        "archive": "Arşiv",
        "signature_printed": "Künye (makaledeki biçimiyle)",
        "signature_parts": "Fon / Opis / Delo / List",
        "list_part": "kısım {part}; anlamı bilinmiyor",
        "citation_printed": "Makaledeki atıf",
        "date": "Tarih",
        "date_printed": "makalede",
        "date_edtf": "EDTF",
        "date_basis": "Tarihin dayanağı",
        "place": "Yer",
        "senders": "Gönderen",
        "recipients": "Alıcı",
        "kind": "Tür",
        "language": "Asıl dili",
        "unknown": "bilinmiyor",
        "text": "Metin",
        "text_note": (
            "Yazarın Türkçe çevirisi, makalede alıntılandığı kadarıyla. {language} asıl metin "
            "bu edisyonda yoktur."
        ),
        "text_note_original": "Belgenin kendi dilindeki metni, makalede alıntılandığı kadarıyla.",
        "quoted_in": "Makalede geçtiği yerler",
        "not_known": "Bilinmeyenler",
        "byline_orcid": "ORCID",
        "contents": "İçindekiler",
        "documents_intro": (
            "Makalenin alıntıladığı arşiv belgeleri, arşiv dosyalarına ve yıllara göre. Her "
            "belgenin kalıcı bir adresi vardır."
        ),
        "date_order": "Tarih",
        "signature": "Künye",
        "by_archive_file": "Arşiv dosyalarına göre",
        "archive_file": "Dosya (fon / opis / delo)",
        "archive_file_name": "{archive}, Fon {fond}, Sayı {opis}, Dosya {delo}",
        "all_archive_files": "Bütün dosyalar ve yıllar",
        "document_count": "Belge",
        "date_span": "Tarih aralığı",
        "by_year": "Yıllara göre",
        "year": "Yıl",
        "documents_of_year": "{year} tarihli belgeler",
        "month_not_known": "Ayı bilinmeyenler",
        "all_documents": "Bütün belgeler, tarih sırasıyla",
        "title": "Başlık",
        "title_page": "Başlık ve öz",
        "previous": "Önceki belge",
        "next": "Sonraki belge",
        "signature_en": "İngilizce arşiv gösterimi",
        "signature_ru": "Rusça arşiv gösterimi",
        "cite_this": "Atıf",
        "cite_document": "Bu belgeye atıf",
        "cite_article": "Makaleye atıf",
        "cite_edition": "Edisyonun bütününe atıf",
        "cite_version": "Atıflar edisyonun {version} sürümüne ({date}) göredir.",
        "copy": "Kopyala",
        "copied": "Kopyalandı",
        "download": "İndir",
        "downloads": "İndirilenler",
        "downloads_intro": (
            "Edisyonun verileri, sayfaların üretildiği kaynaklardan ve aynı modelden üretilir; "
            "elle yazılmaz. Adresleri kalıcıdır; her dosyanın boyutu ve SHA-256 özeti, sunulan "
            "dosyanın baytlarına göredir. Bilinmeyen hiçbir bilgi tahminle doldurulmaz: "
            "bilinmeyen alan boş (null) bırakılır ve kaydın kendi açıklaması (unknown) nedenini "
            "söyler. Eserlerin tam künyeleri bilinmediğinden kaynakça yalnızca makalenin atıf "
            "biçimini verir."
        ),
        "downloads_data": "Veriler",
        "downloads_data_note": (
            "documents.json, documents.schema.json adresindeki JSON Schema’ya uyar ve ona "
            "$schema ile işaret eder. Veri dosyaları iki dilde aynıdır: Türkçe metinler tr, "
            "İngilizceleri en altında verilir."
        ),
        "downloads_tei": "TEI P5",
        "downloads_tei_note": (
            "Makale ve her belge için birer TEI P5 dosyası; TEI {version} sürümünün tei_all "
            "şemasına (RELAX NG) göre geçerlidir. Paragraf numaraları ve dipnotlar sitedekiyle "
            "aynıdır; İngilizce metin edisyonun çevirisi olarak işaretlenmiştir. Her belgenin TEI "
            "dosyası kendi sayfasında bağlıdır ve documents.json'ın tei alanında yazılıdır."
        ),
        "downloads_citations": "Atıf dosyaları",
        "downloads_citations_note": "",
        "downloads_pdf": "PDF",
        "downloads_pdf_note": (
            "Edisyonun tamamı, basılı bir kitap gibi: başlık sayfası, içindekiler, dipnotlarıyla "
            "bölümler, kaynaklar, belgeler, kişiler ve kronoloji. Bağlantıları PDF’in içinde ya "
            "da sitede açılır."
        ),
        "dl_pdf_tr": "Edisyonun tamamı, Türkçe",
        "dl_pdf_en": "Edisyonun tamamı, İngilizce",
        "dl_file": "Dosya",
        "dl_contents": "İçerik",
        "dl_format": "Biçim",
        "dl_size": "Boyut",
        "dl_bytes": "{n} bayt",
        "dl_documents_json": "Bütün belge kayıtları",
        "dl_documents_schema": "documents.json’un JSON Schema’sı",
        "dl_documents_csv": "Bütün belge kayıtları, kayıt başına bir satır",
        "dl_people_json": "Kişiler",
        "dl_references_bib": "Atıf yapılan eserler",
        "dl_references_json": "Atıf yapılan eserler",
        "dl_article_tei": "Makale: Türkçe asıl metin ve edisyonun İngilizce çevirisi",
        "tei_file": "TEI P5 XML",
        "tei_published": "Yayımlandığı yer:",
        "tei_resp_author": "Makalenin yazarı ve belgelerin Türkçe çevirmeni",
        "tei_resp_translation": "İngilizce çeviri",
        "tei_the_edition": "edisyon",
        "cite_files": "Kaynak yöneticileri için",
        "how_to_cite": "Nasıl atıf yapılır",
        "how_to_cite_intro": (
            "Makaleye, edisyonun bütününe ya da tek bir belgeye atıf yapılabilir. Her belgenin "
            "kendi sayfasında kendi atıf bloğu vardır; paragraflara #p12 biçimindeki "
            "bağlantılarla atıf yapılabilir."
        ),
        "changelog": "Sürümler",
        "changelog_intro": "Edisyonun yayımlanmış sürümleri, en yenisi başta.",
        "version": "Sürüm",
        "people": "Kişiler",
        "chronology": "Kronoloji",
        "glossary": "Sözlük",
        "new_edition_changes": "Edisyon başlatıldı.",
        "site_description": (
            "{author}, “{title}”: makalenin dijital edisyonu; metin, dipnotlar, kaynaklar ve "
            "alıntıladığı arşiv belgeleri."
        ),
        "translation_conventions": "Çevirinin kuralları:",
        "inference": "Edisyonun çıkarımı",
        "glossary_intro": (
            "Makalenin terimleri ve edisyonun İngilizce çevirisinde nasıl karşılandıkları. "
            "Derleme her İngilizce paragrafı bu listeyle denetler: Türkçesinde bir terim geçen "
            "paragraf, terimin buradaki karşılığını kullanır."
        ),
        "term": "Terim",
        "rendering_in": "Karşılığı ({language})",
        "term_note": "Not",
        "used_at": "Geçtiği yerler",
        "text_of_edition": "Metin",
        "anchor_oz": "Öz",
        "anchor_abstract": "Abstract",
        "people_intro": (
            "Makalede ve alıntıladığı belgelerde adı geçen kişiler. Adlar makaledeki "
            "yazımıyla verilir; İngilizce ve Rusça biçimleri yerleşik kullanımdır. Her kişi "
            "hakkındaki bilgiler yalnızca makaleden alınmıştır."
        ),
        "english_form": "İngilizce",
        "russian_form": "Rusça",
        "named_at": "Geçtiği yerler",
        "documents_of_person": "Belgeler",
        "chronology_intro": (
            "Makalenin alıntıladığı belgeler ve makalenin andığı tarihli olaylar, zaman "
            "sırasıyla. Yalnızca ayı ya da yılı bilinen tarihler dönemlerinin başına "
            "yerleştirilir; köşeli ayraç ve soru işareti belirsizliği gösterir."
        ),
        "event": "Olay",
        "document": "Belge",
        "where": "Makalede",
        "what": "Ne",
        "translation_title": "Çeviri hakkında",
        "translation_note": "",
        "translation_notice": "",
        "translation_notice_link": "",
        "translated_by": "{credit} (çeviri)",
        "language_name": "Türkçe",
        "parallel": "Türkçe | İngilizce",
        "column_original": "{language}: yazarın metni",
        "column_translation": "{language}: edisyonun çevirisi",
        "parallel_link": "İngilizcesiyle yan yana oku",
        "back_to_chapter": "Bölüme dön",
        "text_in_tr": "Türkçe (yazarın çevirisi, makalede alıntılandığı gibi)",
        "text_in_tr_original": "Türkçe (belgenin kendi metni, makalede alıntılandığı gibi)",
        "text_in_en_of_original": "İngilizce (edisyonun, belgenin Türkçesinden çevirisi)",
        "text_in_en": "İngilizce (edisyonun, yazarın Türkçesinden çevirisi)",
        "pdf_edition": "Dijital edisyon, sürüm {version} ({date})",
        "pdf_online": "Çevrimiçi:",
        "pdf_no_address": "Yerel bir derleme: edisyonun yayımlandığı adres verilmemiştir.",
        "pdf_translated_by": "Çeviri:",
        "pdf_note": (
            "Bu PDF edisyonun web sitesinden üretilmiştir: makalenin tam metni dipnotlarıyla, "
            "kaynaklar, belgeler, kişiler ve kronoloji. Bağlantılar PDF’in içinde ya da "
            "sitede açılır; sayfa numaralarıyla değil, paragraf numaralarıyla atıf yapınız."
        ),
        "pdf_subject": "Makalenin ve alıntıladığı arşiv belgelerinin dijital edisyonu",
    },
    "en": {
        "paragraph": "Paragraph",
        "paragraph_link": "Paragraph {n}: permanent link to this paragraph",
        "footnote": "note",
        "citations": "Works Cited",
        "works": "Works cited in the article",
        "documents": "Archival documents",
        "documents_index": "Documents",
        "incomplete_title": "Incomplete references",
        "incomplete_note": (
            "The article's list of works cited is not part of this edition's source text. Each "
            "work is therefore shown only as the article cites it, by the author's surname or "
            "the title, with the pages the article cites. The full references are not known; "
            "nothing has been added by guesswork."
        ),
        "incomplete": "Full reference not known.",
        "pages_cited": "Pages cited",
        "cited_at": "Cited at",
        "web_page": "Web page",
        "archive": "Archive",
        "signature_printed": "Signature (as printed in the article)",
        "signature_parts": "Fond / opis / delo / list",
        "list_part": "part {part}; its meaning is not known",
        "citation_printed": "Citation in the article",
        "date": "Date",
        "date_printed": "in the article",
        "date_edtf": "EDTF",
        "date_basis": "Basis of the date",
        "place": "Place",
        "senders": "From",
        "recipients": "To",
        "kind": "Kind",
        "language": "Original language",
        "unknown": "not known",
        "text": "Text",
        "text_note": (
            "Rendered into English by the edition from the author's Turkish translation, as "
            "quoted in the article. The {language} original is not in this edition."
        ),
        "text_note_original": (
            "Rendered into English by the edition from the document's own Turkish text, as "
            "quoted in the article."
        ),
        "quoted_in": "Quoted or cited in the article",
        "not_known": "What is not known",
        "byline_orcid": "ORCID",
        "contents": "Contents",
        "documents_intro": (
            "The archival documents that the article quotes, by archive file and by year. Each "
            "has a permanent address."
        ),
        "date_order": "Date",
        "signature": "Signature",
        "by_archive_file": "By archive file",
        "archive_file": "File (fond / opis / delo)",
        "archive_file_name": "{archive}, f. {fond}, op. {opis}, d. {delo}",
        "all_archive_files": "All files and years",
        "document_count": "Documents",
        "date_span": "Dates",
        "by_year": "By year",
        "year": "Year",
        "documents_of_year": "Documents dated {year}",
        "month_not_known": "Month not known",
        "all_documents": "All documents, in date order",
        "title": "Title",
        "title_page": "Title and abstract",
        "previous": "Previous document",
        "next": "Next document",
        "signature_en": "English archival form",
        "signature_ru": "Russian archival form",
        "cite_this": "Cite",
        "cite_document": "Cite this document",
        "cite_article": "Cite the article",
        "cite_edition": "Cite the edition as a whole",
        "cite_version": "These citations refer to version {version} ({date}) of the edition.",
        "copy": "Copy",
        "copied": "Copied",
        "download": "Download",
        "downloads": "Downloads",
        "downloads_intro": (
            "The edition's data are generated from its sources, from the same model as its "
            "pages, never by hand. Their addresses are permanent; the size and SHA-256 digest "
            "of each file are those of the bytes served. Nothing unknown is filled in by "
            "guesswork: a field that is not known is left empty (null) and the record's own "
            "note (unknown) says why. The full references of the works cited are not known, so "
            "the bibliography gives only the form in which the article cites them."
        ),
        "downloads_data": "Data",
        "downloads_data_note": (
            "documents.json conforms to the JSON Schema at documents.schema.json and points to "
            "it with $schema. The data files are the same in both languages: Turkish texts are "
            "given under tr, their English under en."
        ),
        "downloads_tei": "TEI P5",
        "downloads_tei_note": (
            "One TEI P5 file for the article and one for each document, valid against the "
            "tei_all schema (RELAX NG) of TEI release {version}. Paragraph numbers and notes are "
            "those of the site; the English text is marked as the edition's translation. Each "
            "document's TEI file is linked from its page and named in the tei field of "
            "documents.json."
        ),
        "downloads_citations": "Citation files",
        "downloads_citations_note": "",
        "downloads_pdf": "PDF",
        "downloads_pdf_note": (
            "The whole edition as a book: title page, contents, the chapters with their notes, "
            "the works cited, the documents, the people and the chronology. Its links open "
            "within the PDF or on the website."
        ),
        "dl_pdf_tr": "The whole edition, in Turkish",
        "dl_pdf_en": "The whole edition, in English",
        "dl_file": "File",
        "dl_contents": "Contents",
        "dl_format": "Format",
        "dl_size": "Size",
        "dl_bytes": "{n} bytes",
        "dl_documents_json": "Every document record",
        "dl_documents_schema": "The JSON Schema of documents.json",
        "dl_documents_csv": "Every document record, one row each",
        "dl_people_json": "People",
        "dl_references_bib": "Works cited",
        "dl_references_json": "Works cited",
        "dl_article_tei": "The article: the Turkish original and the edition's English translation",
        "tei_file": "TEI P5 XML",
        "tei_published": "Published in",
        "tei_resp_author": "Author of the article and Turkish translator of the documents",
        "tei_resp_translation": (
            "English translation, prepared by the edition with the help of a large language "
            "model from the Turkish; not yet reviewed by a professional translator"
        ),
        "tei_the_edition": "the edition",
        "cite_files": "For reference managers",
        "how_to_cite": "How to cite",
        "how_to_cite_intro": (
            "You may cite the article, the edition as a whole, or a single document. Each "
            "document's page has its own citation block; paragraphs can be cited by links of "
            "the form #p12, which are the same in both languages."
        ),
        "changelog": "Versions",
        "changelog_intro": "The published versions of the edition, newest first.",
        "version": "Version",
        "people": "People",
        "chronology": "Chronology",
        "glossary": "Glossary",
        "new_edition_changes": "The edition was started.",
        "site_description": (
            "A digital edition of {author}'s article “{title}” in English translation: text, "
            "notes, works cited and the archival documents it quotes."
        ),
        "translation_conventions": "Conventions of the translation:",
        "inference": "The edition's inference",
        "glossary_intro": (
            "The article's terms and how the edition's English translation renders them. The "
            "build checks every English paragraph against this list: a paragraph whose "
            "Turkish uses a term uses the term's rendering given here."
        ),
        "term": "Term",
        "rendering_in": "Rendering ({language})",
        "term_note": "Note",
        "used_at": "Used at",
        "text_of_edition": "Text",
        "anchor_oz": "Öz",
        "anchor_abstract": "Abstract",
        "people_intro": (
            "People named in the article and in the documents it quotes. Names are given as "
            "the article writes them, with their established English and Russian forms. What "
            "is said of each person is taken from the article only."
        ),
        "english_form": "English",
        "russian_form": "Russian",
        "named_at": "Named at",
        "documents_of_person": "Documents",
        "chronology_intro": (
            "The documents the article quotes and the dated events it states, in order of "
            "time. Dates known only to the month or year are placed at the start of their "
            "period; square brackets and a question mark mark uncertainty."
        ),
        "event": "Event",
        "document": "Document",
        "where": "In the article",
        "what": "What",
        "translation_title": "About this translation",
        "translation_notice": (
            "This English text is the edition's translation of the author's Turkish original, "
            "not the author's own."
        ),
        "translation_notice_link": "About this translation",
        "translated_by": "{credit} (translation)",
        "translation_note": (
            "The English text of this edition is the edition's own translation of the Turkish "
            "original; it is not the author's. It was prepared with the help of a large "
            "language model and follows the Turkish paragraph by paragraph, with the same "
            "paragraph numbers, notes and citations. It was revised after a review of the whole "
            "text against the Turkish and of every stated fact against the article (December "
            "2026); it has not been reviewed by a professional translator. The author's own "
            "English title and abstract are reproduced as printed. The quoted Soviet documents "
            "are rendered from the author's Turkish translations of the Russian originals, "
            "which this edition does not have."
        ),
        "language_name": "English",
        "parallel": "Turkish | English",
        "column_original": "{language}: the author's text",
        "column_translation": "{language}: the edition's translation",
        "parallel_link": "Read side by side with the Turkish original",
        "back_to_chapter": "Back to the chapter",
        "text_in_tr": "Turkish (the author's translation, as quoted)",
        "text_in_tr_original": "Turkish (the document's own text, as quoted)",
        "text_in_en_of_original": "English (the edition's translation of the document's Turkish)",
        "text_in_en": "English (the edition's rendering of the author's Turkish)",
        "pdf_edition": "Digital edition, version {version} ({date})",
        "pdf_online": "Online:",
        "pdf_no_address": "A local build: the edition's public address was not given.",
        "pdf_translated_by": "Translated by",
        "pdf_note": (
            "This PDF is made from the edition's website: the whole article with its notes, "
            "the works cited, the documents, the people and the chronology. Links open within "
            "the PDF or on the website; cite by paragraph number rather than by page."
        ),
        "pdf_subject": "A digital edition of the article and the archival documents it quotes",
    },
}
# The conventions of each translation, listed in its note on the translation. Markdown:
# `{people}` and `{glossary}` are links to those pages.
TRANSLATION_CONVENTIONS = {
    "en": (
        "Square brackets [ ] hold the edition's additions: glosses, expansions, standard "
        "transliterations and translator's notes. Parentheses ( ) are the author's; the build "
        "checks that no English passage has more of them than its Turkish original.",
        "*Turkey* names the country, as in the author's own English abstract; her English "
        "title keeps *Türkiye*, as printed. Ottoman and Turkish names of institutions and "
        "movements stay in Turkish where the author's term is the subject, with their English "
        "in square brackets.",
        "Russian names and terms are given as the author transliterates them, followed, where "
        "the standard transliteration differs, by that form in square brackets. People are "
        "named in English by their established forms ({people}).",
        "Terms are rendered as the {glossary} gives them; the build checks every English "
        "paragraph, note and document text against it.",
        "In-text citations keep the author's form.",
    ),
}
KIND_NAMES = {
    "en": {
        "letter": "Letter",
        "telegram": "Telegram",
        "report": "Report",
        "press-report": "Press report",
        "speech": "Speech",
    },
    "tr": {
        "letter": "Mektup",
        "telegram": "Telgraf",
        "report": "Rapor",
        "press-report": "Basın raporu",
        "speech": "Konuşma",
    },
}
# Seasons of a journal issue, as each language names them ("2023-Güz" on the article).
SEASON_NAMES = {
    "tr": {"spring": "Bahar", "summer": "Yaz", "autumn": "Güz", "winter": "Kış"},
    "en": {"spring": "Spring", "summer": "Summer", "autumn": "Autumn", "winter": "Winter"},
}

LANGUAGE_NAMES = {
    "tr": {"ru": "Rusça", "tr": "Türkçe", "en": "İngilizce"},
    "en": {"ru": "Russian", "tr": "Turkish", "en": "English"},
}
UNKNOWN_FIELD_NAMES = {
    "en": {
        "place": "Place",
        "senders": "From",
        "recipients": "To",
        "date": "Date",
        "original_text": "Original text",
    },
    "tr": {
        "place": "Yer",
        "senders": "Gönderen",
        "recipients": "Alıcı",
        "date": "Tarih",
        "original_text": "Asıl metin",
    },
}


def text_label(original_language: str, code: str, lang: str) -> str:
    """How the page in `lang` heads a document's text in `code`: the author's translation,
    or, for a document written in the article's language, its own text."""
    if code == original_language:
        key = f"text_in_{code}_original"
    elif original_language == LANGUAGES[0]:  # translated from the document's own text
        key = f"text_in_{code}_of_original"
    else:
        key = f"text_in_{code}"
    return label(lang, key if key in LABELS[lang] else f"text_in_{code}")


def text_note(original_language: str, lang: str) -> str:
    """What the edition has of a document's text, said under its heading."""
    if original_language == LANGUAGES[0]:
        return label(lang, "text_note_original")
    names = LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES[LANGUAGES[0]])
    return label(lang, "text_note", language=names.get(original_language, original_language))


def named_anchors() -> list[str]:
    """The ids a chapter may give a block (`{ #oz }`): those the engine has a name for."""
    prefix = "anchor_"
    return sorted(key[len(prefix) :] for key in LABELS[LANGUAGES[0]] if key.startswith(prefix))


def label(lang: str, key: str, **values: object) -> str:
    text = LABELS.get(lang, {}).get(key) or LABELS[LANGUAGES[0]][key]
    return text.format(**values) if values else text
