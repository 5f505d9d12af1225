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
        "archive_name": "Rusya Devlet Sosyo-Politik Tarih Arşivi (RGASPİ), Moskova",
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
            "Yazarın Türkçe çevirisi, makalede alıntılandığı kadarıyla. Rusça asıl metin bu "
            "edisyonda yoktur."
        ),
        "quoted_in": "Makalede geçtiği yerler",
        "not_known": "Bilinmeyenler",
        "byline_orcid": "ORCID",
        "contents": "İçindekiler",
        "documents_intro": (
            "Makalenin alıntıladığı RGASPİ belgeleri, tarih sırasıyla. Her belgenin kalıcı "
            "bir adresi vardır."
        ),
        "date_order": "Tarih",
        "signature": "Künye",
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
    },
    "en": {},
}
KIND_NAMES = {
    "tr": {
        "letter": "Mektup",
        "telegram": "Telgraf",
        "report": "Rapor",
        "press-report": "Basın raporu",
        "speech": "Konuşma",
    },
}
LANGUAGE_NAMES = {"tr": {"ru": "Rusça", "tr": "Türkçe", "en": "İngilizce"}}
UNKNOWN_FIELD_NAMES = {
    "tr": {
        "place": "Yer",
        "senders": "Gönderen",
        "recipients": "Alıcı",
        "date": "Tarih",
        "original_text": "Asıl metin",
    }
}
ORCID = "0000-0002-8513-706X"


def label(lang: str, key: str, **values: object) -> str:
    text = LABELS.get(lang, {}).get(key) or LABELS[LANGUAGES[0]][key]
    return text.format(**values) if values else text
