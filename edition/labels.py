"""Interface strings of the edition, per language; the edition's own words, never the author's."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edition.model import Languages

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
        "note_authors_original_page": (
            "Yazarın {original} çevirisi, makalede alıntılandığı kadarıyla. {language} asıl metin "
            "bu edisyonda yoktur."
        ),
        "note_authors_translation_page": (
            "Edisyon tarafından yazarın {original} çevirisinden çevrilmiştir, makalede "
            "alıntılandığı kadarıyla. {language} asıl metin bu edisyonda yoktur."
        ),
        "note_own_original_page": (
            "Belgenin kendi dilindeki metni, makalede alıntılandığı kadarıyla."
        ),
        "note_own_translation_page": (
            "Edisyon tarafından belgenin kendi {original} metninden çevrilmiştir, makalede "
            "alıntılandığı kadarıyla."
        ),
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
            "$schema ile işaret eder. Veri dosyaları her dilde aynıdır: her metin kendi dilinin "
            "kodu altında verilir ({codes})."
        ),
        "downloads_tei": "TEI P5",
        "downloads_tei_note": (
            "Makale ve her belge için birer TEI P5 dosyası; TEI {version} sürümünün tei_all "
            "şemasına (RELAX NG) göre geçerlidir. Paragraf numaraları ve dipnotlar sitedekiyle "
            "aynıdır; {translation} metin edisyonun çevirisi olarak işaretlenmiştir. Her "
            "belgenin TEI dosyası kendi sayfasında bağlıdır ve documents.json'ın tei alanında "
            "yazılıdır."
        ),
        "downloads_citations": "Atıf dosyaları",
        "downloads_citations_note": "",
        "downloads_pdf": "PDF",
        "downloads_pdf_note": (
            "Edisyonun tamamı, basılı bir kitap gibi: başlık sayfası, içindekiler, dipnotlarıyla "
            "bölümler, kaynaklar, belgeler, kişiler ve kronoloji. Bağlantıları PDF’in içinde ya "
            "da sitede açılır."
        ),
        "dl_pdf": "Edisyonun tamamı, {language}",
        "downloads_epub": "EPUB",
        "downloads_epub_note": (
            "Edisyonun tamamı, e-kitap okuyucuları ve okuma uygulamaları için bir EPUB 3 kitabı: "
            "PDF’in bölümleri, açılır pencerede gösterilen dipnotlar ve içindekiler; "
            "paragraf numaraları sitedeki kalıcı adreslerine bağlanır."
        ),
        "dl_epub": "Edisyonun tamamı, {language}, e-kitap",
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
        "dl_article_tei": "Makale: {original} asıl metin ve edisyonun {translation} çevirisi",
        "tei_file": "TEI P5 XML",
        "tei_published": "Yayımlandığı yer:",
        "tei_resp_author": "Makalenin yazarı ve belgelerin {original} çevirmeni",
        "tei_resp_translation": "{translation} çeviri",
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
        "changes_part_title": "Başlık",
        "changes_part_paragraph": "Paragraf #{anchor}",
        "changes_part_heading": "Ara başlık {n}",
        "changes_part_block": "Blok {n}",
        "changes_part_footnote": "Dipnot {n}",
        "changes_compare_title": "{title}: {version} sürümü ile güncel sürüm",
        "changes_compare_intro": (
            "Bu sayfanın {version} sürümündeki ({date}) metni ve alanları, güncel sürümle "
            "({current}) sözcük sözcük karşılaştırılmıştır; yalnızca değişen bölümler gösterilir."
        ),
        "changes_current_page": "Güncel sayfa",
        "changes_frozen_page": "{version} sürümündeki hâli (dondurulmuş kopya)",
        "changes_legend": "Silinen sözcükler üstü çizili, eklenenler altı çizili gösterilir.",
        "changes_release_title": "{version} sürümünde değişenler",
        "changes_first_kept": (
            "{version}, dondurulmuş kopyası saklanan ilk sürümdür. Ondan önceki sürümlerin "
            "metinleri saklanmadığı için karşılaştırılacak bir sürüm yok."
        ),
        "changes_release_intro": (
            "{previous} sürümünden {version} sürümüne değişen sayfalar: {count}. Her birinin "
            "değişen bölümleri sözcük sözcük gösterilir."
        ),
        "changes_heading": "Bu sayfanın sürümleri",
        "changes_changed_in": "Değiştiği sürümler",
        "changes_none": "saklanan sürümlerde değişmedi",
        "changes_compare": "Güncel sürümle karşılaştır",
        "changes_same": "Güncel sürümle aynı",
        "changes_kept_since": (
            "Saklanan sürümler {version} sürümüyle başlar; öncekilerin kopyası yoktur."
        ),
        "this_version": "Bu sayfa, edisyonun {version} sürümündedir ({date}).",
        "this_version_link": "Bu sürümün kalıcı adresi (atıf için)",
        "version_not_kept": (
            "Saklanmadı: bu sürümün dondurulmuş bir kopyası yok; metni artık gösterilemez."
        ),
        "version_frozen": "Dondurulmuş kopya",
        "version_changes": "Bu sürümde değişenler",
        "cite_file_version": "Dijital edisyon, sürüm {version}; bu sürümün kalıcı adresi: {url}",
        "frozen_title": "Sürüm {version} ({date}).",
        "frozen_body": (
            "Bu sayfa, edisyonun bu sürümünün dondurulmuş kopyasıdır: yayımlandığı gibi kalır, "
            "hiç değişmez."
        ),
        "frozen_maybe_newer": (
            "Daha yeni bir sürüm yayımlanmış olabilir; güncel sayfa bundan farklı olabilir."
        ),
        "frozen_newer": (
            "Daha yeni bir sürüm var: {version} ({date}). Güncel sayfa bundan farklı olabilir."
        ),
        "frozen_is_current": "Bu, edisyonun güncel sürümüdür.",
        "frozen_current_link": "Bu sayfanın güncel sürümü",
        "frozen_versions_link": "Bütün sürümler",
        "version": "Sürüm",
        "people": "Kişiler",
        "chronology": "Kronoloji",
        "glossary": "Sözlük",
        "new_edition_changes": "Edisyon başlatıldı.",
        "to_dark": "Koyu renk düzenine geç",
        "to_light": "Açık renk düzenine geç",
        "footnote_backlink": "Metne, %d numaralı dipnotun yerine dön",
        "new_document_not_given": "Makale belirtmez.",
        "new_document_no_original": (
            "{language} asıl metin makalede yayımlanmamıştır ve edisyonda yoktur; edisyonun "
            "elindeki metin, yazarın makalede alıntıladığı {translation} çeviridir."
        ),
        "new_document_own_text": (
            "Belgenin tamamı makalede yayımlanmamıştır; edisyonun elindeki metin, makalenin "
            "alıntıladığı kadarıdır."
        ),
        "site_description": (
            "{author}, “{title}”: makalenin dijital edisyonu; metin, dipnotlar, kaynaklar ve "
            "alıntıladığı arşiv belgeleri."
        ),
        "translation_conventions": "Çevirinin kuralları:",
        "inference": "Edisyonun çıkarımı",
        "glossary_intro": (
            "Makalenin terimleri ve edisyonun {translation} çevirisinde nasıl karşılandıkları. "
            "Derleme her {translation} paragrafı bu listeyle denetler: {original} aslında bir "
            "terim geçen paragraf, terimin buradaki karşılığını kullanır."
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
        "translation_note": (
            "Bu edisyonun {translation} metni, {original} aslının edisyon tarafından yapılmış "
            "çevirisidir; yazarın kendi metni değildir."
        ),
        "translation_notice": (
            "Bu {translation} metin, yazarın {original} aslının edisyon tarafından yapılmış "
            "çevirisidir; yazarın kendi metni değildir."
        ),
        "translation_notice_link": "Bu çeviri hakkında",
        "translated_by": "{credit} (çeviri)",
        "language_name": "Türkçe",
        "column_original": "{language}: yazarın metni",
        "column_translation": "{language}: edisyonun çevirisi",
        "parallel_link_to_translation": "{translation} çevirisiyle yan yana oku",
        "parallel_link_to_original": "{original} aslıyla yan yana oku",
        "back_to_chapter": "Bölüme dön",
        "text_authors": "{language} (yazarın çevirisi, makalede alıntılandığı gibi)",
        "text_own": "{language} (belgenin kendi metni, makalede alıntılandığı gibi)",
        "text_editions_of_own": "{language} (edisyonun, belgenin {source} çevirisi)",
        "text_editions": "{language} (edisyonun, yazarın {source} çevirisi)",
        "book_edition": "Dijital edisyon, sürüm {version} ({date})",
        "book_online": "Çevrimiçi:",
        "book_no_address": "Yerel bir derleme: edisyonun yayımlandığı adres verilmemiştir.",
        "book_translated_by": "Çeviri:",
        "pdf_note": (
            "Bu PDF edisyonun web sitesinden üretilmiştir: makalenin tam metni dipnotlarıyla, "
            "kaynaklar, belgeler, kişiler ve kronoloji. Bağlantılar PDF’in içinde ya da "
            "sitede açılır; sayfa numaralarıyla değil, paragraf numaralarıyla atıf yapınız."
        ),
        "book_subject": "Makalenin ve alıntıladığı arşiv belgelerinin dijital edisyonu",
        "epub_note": (
            "Bu e-kitap edisyonun web sitesinden üretilmiştir: makalenin tam metni "
            "dipnotlarıyla, kaynaklar, belgeler, kişiler ve kronoloji. Bağlantılar kitabın "
            "içinde ya da sitede açılır; paragraf numaralarıyla ve sitedeki adresleriyle atıf "
            "yapınız."
        ),
        "epub_landmarks": "Kılavuz",
        "epub_accessibility_summary": (
            "Yalnızca metinden oluşan, yeniden akışlı bir kitap: başlıklar, içindekiler ve "
            "kılavuz ile gezinilir; dipnotlar metne ve metinden dipnotlara bağlıdır; başka "
            "dildeki adlar ve terimler dilleriyle işaretlidir. Kitap EPUBCheck ile denetlenir; "
            "bir uzman tarafından değerlendirilmediği için WCAG’ye uygunluk iddia edilmez."
        ),
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
        "note_authors_original_page": (
            "The author's {original} translation, as quoted in the article. The {language} "
            "original is not in this edition."
        ),
        "note_authors_translation_page": (
            "Rendered into {translation} by the edition from the author's {original} "
            "translation, as quoted in the article. The {language} original is not in this "
            "edition."
        ),
        "note_own_original_page": "The document's own text, as quoted in the article.",
        "note_own_translation_page": (
            "Rendered into {translation} by the edition from the document's own {original} "
            "text, as quoted in the article."
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
            "it with $schema. The data files are the same in every language: each text is "
            "given under its language's code ({codes})."
        ),
        "downloads_tei": "TEI P5",
        "downloads_tei_note": (
            "One TEI P5 file for the article and one for each document, valid against the "
            "tei_all schema (RELAX NG) of TEI release {version}. Paragraph numbers and notes are "
            "those of the site; the {translation} text is marked as the edition's translation. "
            "Each document's TEI file is linked from its page and named in the tei field of "
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
        "dl_pdf": "The whole edition, in {language}",
        "downloads_epub": "EPUB",
        "downloads_epub_note": (
            "The whole edition as an EPUB 3 book for e-readers and reading apps: the parts of "
            "the PDF, the notes shown in pop-ups and a table of contents; each paragraph number "
            "links to the paragraph's permanent address on the website."
        ),
        "dl_epub": "The whole edition, in {language}, as an e-book",
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
        "dl_article_tei": (
            "The article: the {original} original and the edition's {translation} translation"
        ),
        "tei_file": "TEI P5 XML",
        "tei_published": "Published in",
        "tei_resp_author": "Author of the article and {original} translator of the documents",
        "tei_resp_translation": "{translation} translation",
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
        "changes_part_title": "Title",
        "changes_part_paragraph": "Paragraph #{anchor}",
        "changes_part_heading": "Heading {n}",
        "changes_part_block": "Block {n}",
        "changes_part_footnote": "Footnote {n}",
        "changes_compare_title": "{title}: version {version} against the current version",
        "changes_compare_intro": (
            "This page's text and fields in version {version} ({date}), compared word by word "
            "with the current version ({current}); only the parts that changed are shown."
        ),
        "changes_current_page": "The current page",
        "changes_frozen_page": "As it was in version {version} (frozen copy)",
        "changes_legend": "Deleted words are struck through, inserted words underlined.",
        "changes_release_title": "What changed in version {version}",
        "changes_first_kept": (
            "Version {version} is the first whose frozen copy is kept. The texts of the "
            "versions before it were not kept, so there is nothing to compare it with."
        ),
        "changes_release_intro": (
            "Pages that changed from version {previous} to version {version}: {count}. The "
            "parts of each that changed are shown word by word."
        ),
        "changes_heading": "Versions of this page",
        "changes_changed_in": "Changed in",
        "changes_none": "no change among the kept versions",
        "changes_compare": "Compare with the current version",
        "changes_same": "The same as the current version",
        "changes_kept_since": (
            "The kept versions begin with {version}; there is no copy of the earlier ones."
        ),
        "this_version": "This page is from version {version} of the edition ({date}).",
        "this_version_link": "This version's permanent address (to cite)",
        "version_not_kept": (
            "Not kept: there is no frozen copy of this version, so its text cannot be shown."
        ),
        "version_frozen": "Frozen copy",
        "version_changes": "What changed in it",
        "cite_file_version": "Digital edition, version {version}; this version's permanent "
        "address: {url}",
        "frozen_title": "Version {version} ({date}).",
        "frozen_body": (
            "This page is the frozen copy of this version of the edition: it stays as it was "
            "released and never changes."
        ),
        "frozen_maybe_newer": (
            "A newer version may have been published since; the current page may differ."
        ),
        "frozen_newer": (
            "A newer version exists: {version} ({date}). The current page may differ from this one."
        ),
        "frozen_is_current": "This is the edition's current version.",
        "frozen_current_link": "This page in the current version",
        "frozen_versions_link": "All versions",
        "version": "Version",
        "people": "People",
        "chronology": "Chronology",
        "glossary": "Glossary",
        "new_edition_changes": "The edition was started.",
        "to_dark": "Switch to dark mode",
        "to_light": "Switch to light mode",
        "footnote_backlink": "Back to the place of note %d in the text",
        "new_document_not_given": "The article does not say.",
        "new_document_no_original": (
            "The {language} original is not published in the article and is not in the "
            "edition; the edition's text is the author's {translation} translation, as the "
            "article quotes it."
        ),
        "new_document_own_text": (
            "The whole document is not published in the article; the edition's text is what "
            "the article quotes of it."
        ),
        "site_description": (
            "A digital edition of {author}'s article “{title}” in English translation: text, "
            "notes, works cited and the archival documents it quotes."
        ),
        "translation_conventions": "Conventions of the translation:",
        "inference": "The edition's inference",
        "glossary_intro": (
            "The article's terms and how the edition's {translation} translation renders them. "
            "The build checks every {translation} paragraph against this list: a paragraph "
            "whose {original} uses a term uses the term's rendering given here."
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
            "This {translation} text is the edition's translation of the author's {original} "
            "original, not the author's own."
        ),
        "translation_notice_link": "About this translation",
        "translated_by": "{credit} (translation)",
        "translation_note": (
            "The {translation} text of this edition is the edition's own translation of the "
            "{original} original; it is not the author's."
        ),
        "language_name": "English",
        "column_original": "{language}: the author's text",
        "column_translation": "{language}: the edition's translation",
        "parallel_link_to_translation": "Read side by side with the {translation} translation",
        "parallel_link_to_original": "Read side by side with the {original} original",
        "back_to_chapter": "Back to the chapter",
        "text_authors": "{language} (the author's translation, as quoted)",
        "text_own": "{language} (the document's own text, as quoted)",
        "text_editions_of_own": "{language} (the edition's translation of the document's {source})",
        "text_editions": "{language} (the edition's rendering of the author's {source})",
        "book_edition": "Digital edition, version {version} ({date})",
        "book_online": "Online:",
        "book_no_address": "A local build: the edition's public address was not given.",
        "book_translated_by": "Translated by",
        "pdf_note": (
            "This PDF is made from the edition's website: the whole article with its notes, "
            "the works cited, the documents, the people and the chronology. Links open within "
            "the PDF or on the website; cite by paragraph number rather than by page."
        ),
        "book_subject": "A digital edition of the article and the archival documents it quotes",
        "epub_note": (
            "This e-book is made from the edition's website: the whole article with its notes, "
            "the works cited, the documents, the people and the chronology. Links open within "
            "the book or on the website; cite by paragraph number and the website's address."
        ),
        "epub_landmarks": "Guide",
        "epub_accessibility_summary": (
            "A reflowable book of text only: it is navigated by its headings, its table of "
            "contents and its landmarks; notes link to the text and back; names and terms in "
            "another language are marked with their language. The book is checked with "
            "EPUBCheck; no conformance to WCAG is claimed, since no expert has evaluated it."
        ),
    },
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
# A language's name as the source of a translation, as each language says it ("yazarın
# Türkçesinden çevirisi": Turkish inflects the name, English does not).
TRANSLATED_FROM = {
    "tr": {"ru": "Rusçasından", "tr": "Türkçesinden", "en": "İngilizcesinden"},
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


def interface_languages() -> tuple[str, ...]:
    """The languages the engine has its interface texts in: an edition's must be among them."""
    return tuple(sorted(LABELS))


def language_name(code: str, lang: str) -> str:
    """The name of language `code` in `lang`: "Rusça" for ru in Turkish; the code if none."""
    return LANGUAGE_NAMES[lang].get(code, code)


def text_label(original_language: str, code: str, lang: str, article_language: str) -> str:
    """How the page in `lang` heads a document's text in `code`: the document's own text,
    the author's translation, or the edition's translation of the one or the other."""
    if code == original_language:
        key = "text_own"
    elif code == article_language:
        key = "text_authors"
    elif original_language == article_language:  # translated from the document's own text
        key = "text_editions_of_own"
    else:
        key = "text_editions"
    return label(
        lang,
        key,
        language=language_name(code, lang),
        source=TRANSLATED_FROM[lang].get(article_language, article_language),
    )


def text_note(original_language: str, lang: str, languages: Languages) -> str:
    """What the edition has of a document's text, said under its heading on the page in
    `lang`: the document's own text or the author's translation, as quoted, or the edition's
    translation of either."""
    own = "own" if original_language == languages.original else "authors"
    page = "original" if lang == languages.original else "translation"
    return named(
        lang, f"note_{own}_{page}_page", languages, language=language_name(original_language, lang)
    )


def named(lang: str, key: str, languages: Languages, **values: object) -> str:
    """Label `key` in `lang` naming the edition's languages: {original}, and {translation},
    the page's own language on a translation's page, else the translations."""
    translations = (lang,) if lang in languages.translations else languages.translations
    return label(
        lang,
        key,
        original=language_name(languages.original, lang),
        translation=" / ".join(language_name(code, lang) for code in translations),
        **values,
    )


def named_anchors() -> list[str]:
    """The ids a chapter may give a block (`{ #oz }`): those the engine has a name for."""
    prefix = "anchor_"
    common = set.intersection(*(set(texts) for texts in LABELS.values()))
    return sorted(key[len(prefix) :] for key in common if key.startswith(prefix))


def label(lang: str, key: str, **values: object) -> str:
    """Interface text `key` in `lang`; every language of LABELS has every key (a test says so)."""
    text = LABELS[lang][key]
    return text.format(**values) if values else text
