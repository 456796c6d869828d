"""Interface strings and date formats of the two editions."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    # The month names used by most Arabic news outlets (Nournews among them).
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
           "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
}

LANGUAGE_NAMES = {"en": {"en": "English", "ar": "Arabic"}, "ar": {"en": "الإنجليزية", "ar": "العربية"}}
# How each edition names itself in the switcher of the other edition.
EDITION_NAMES = {"en": "English", "ar": "العربية"}

STRINGS: dict[str, dict[str, str]] = {
    "home": {"en": "Home", "ar": "الرئيسية"},
    "briefings": {"en": "Briefings", "ar": "الإحاطات"},
    "latest_briefings": {"en": "Latest briefings", "ar": "أحدث الإحاطات"},
    "all_briefings": {"en": "All briefings", "ar": "كل الإحاطات"},
    "actors": {"en": "Actors", "ar": "الجهات الفاعلة"},
    "topics": {"en": "Topics", "ar": "المواضيع"},
    "places": {"en": "Places", "ar": "الأماكن"},
    "timeline": {"en": "Timeline", "ar": "الخط الزمني"},
    "date": {"en": "Date", "ar": "التاريخ"},
    "source": {"en": "Source", "ar": "المصدر"},
    "location": {"en": "Location", "ar": "المكان"},
    "key_points": {"en": "Key points", "ar": "النقاط الرئيسية"},
    "actors_involved": {"en": "Actors involved", "ar": "الجهات المعنية"},
    "actors_mentioned": {"en": "Also mentioned", "ar": "ورد ذكرهم أيضًا"},
    "text": {"en": "Text", "ar": "النص"},
    "original": {"en": "Original", "ar": "الأصل"},
    "translation": {"en": "Translation", "ar": "الترجمة"},
    "original_in": {"en": "Original ({language})", "ar": "النص الأصلي ({language})"},
    "translation_in": {"en": "Translation ({language})", "ar": "الترجمة ({language})"},
    "not_translated": {
        "en": "Not translated yet: this briefing is shown in its original language ({language}).",
        "ar": "لم تُترجم بعد: تُعرض هذه الإحاطة بلغتها الأصلية ({language}).",
    },
    "status": {"en": "Translation", "ar": "الترجمة"},
    "status_reviewed": {"en": "reviewed", "ar": "مُراجَعة"},
    "status_draft": {"en": "draft, not yet reviewed", "ar": "مسودة لم تُراجَع بعد"},
    "status_unknown": {"en": "not marked as reviewed", "ar": "غير مُعلَّمة كمُراجَعة"},
    "status_missing": {"en": "not translated yet", "ar": "لم تُترجم بعد"},
    "translator": {"en": "Translator", "ar": "المترجم"},
    "no_briefings": {"en": "No briefings yet.", "ar": "لا توجد إحاطات بعد."},
    "switch_to": {"en": "Read this page in English", "ar": "اقرأ هذه الصفحة بالعربية"},
    "site_description": {
        "en": "Briefings on security diplomacy from Arabic- and English-language media, in both languages.",
        "ar": "إحاطات عن الدبلوماسية الأمنية من وسائل الإعلام العربية والإنجليزية، باللغتين.",
    },
    # The search panel's words, sent with the edition's search index (output/searchshards.py); those from
    # search_placeholder to search_other are Material 9.8.2's (partials/languages), which the panel used before.
    "search_placeholder": {"en": "Search", "ar": "بحث"},
    "search_reset": {"en": "Clear", "ar": "مسح كلي"},
    "search_prompt": {"en": "Type to start searching", "ar": "اكتب لبدء البحث"},
    "search_none": {"en": "No matching documents", "ar": "لا توجد نتائج"},
    "search_one": {"en": "1 matching document", "ar": "نتائج البحث مستند واحد"},
    "search_other": {"en": "# matching documents", "ar": "نتائج البحث # مستندات"},
    "search_more": {"en": "Show more results", "ar": "عرض مزيد من النتائج"},
    "search_capped": {
        "en": "A short word matched only some of the words it begins: type more letters.",
        "ar": "طابقت كلمة قصيرة بعض الكلمات التي تبدأ بها فقط: اكتب أحرفًا أكثر.",
    },
    "page_not_found": {"en": "Page not found", "ar": "الصفحة غير موجودة"},
    "page_not_found_text": {
        "en": "There is no page at this address. Try the list of briefings or the search.",
        "ar": "لا توجد صفحة بهذا العنوان. جرّب قائمة الإحاطات أو البحث.",
    },
    "kind_person": {"en": "Person", "ar": "شخص"},
    "kind_organization": {"en": "Organisation", "ar": "منظمة"},
    "kind_country": {"en": "Country", "ar": "دولة"},
    "kinds_person": {"en": "People", "ar": "الأشخاص"},
    "kinds_organization": {"en": "Organisations", "ar": "المنظمات"},
    "kinds_country": {"en": "Countries", "ar": "الدول"},
    "kind": {"en": "Kind", "ar": "النوع"},
    "country": {"en": "Country", "ar": "الدولة"},
    "no_country": {"en": "International or unspecified", "ar": "دولية أو غير محددة"},
    "name_other_script": {"en": "Name in Arabic", "ar": "الاسم بالإنجليزية"},
    "roles": {"en": "Roles", "ar": "المناصب"},
    "role_current": {"en": "current", "ar": "حالي"},
    "role_ended": {"en": "ended", "ar": "منتهٍ"},
    "since": {"en": "since {date}", "ar": "منذ {date}"},
    "from_to": {"en": "{start} – {end}", "ar": "{start} – {end}"},
    "until": {"en": "until {date}", "ar": "حتى {date}"},
    "undated": {"en": "dates not recorded", "ar": "التواريخ غير مسجلة"},
    "biography": {"en": "Profile", "ar": "نبذة"},
    "links": {"en": "Links", "ar": "روابط"},
    "website": {"en": "Website", "ar": "الموقع الإلكتروني"},
    "wikidata": {"en": "Wikidata entry", "ar": "مدخل ويكي بيانات"},
    "in_briefings": {"en": "Briefings", "ar": "الإحاطات"},
    "involved": {"en": "involved", "ar": "معني"},
    "mentioned": {"en": "mentioned", "ar": "مذكور"},
    "earlier_briefings": {"en": "Earlier briefings", "ar": "إحاطات سابقة"},
    "involved_in": {"en": "Involved in", "ar": "معني بها"},
    "mentioned_in": {"en": "Mentioned in", "ar": "مذكور فيها"},
    "by_year": {"en": "All briefings and events, by year", "ar": "كل الإحاطات والأحداث حسب السنة"},
    "year_counts": {"en": "{briefings} briefings, {events} events", "ar": "إحاطات: {briefings}، أحداث: {events}"},
    "earlier_events": {"en": "Earlier events", "ar": "أحداث سابقة"},
    "actor_year": {"en": "{name} in {year}", "ar": "{name} في {year}"},
    "actor_year_description": {"en": "Briefings and events of {name} in {year}", "ar": "إحاطات وأحداث {name} في {year}"},
    "appears_with": {"en": "Appears most with", "ar": "يظهر غالبًا مع"},
    "shared_briefings": {"en": "Shared briefings", "ar": "إحاطات مشتركة"},
    "actor": {"en": "Actor", "ar": "الجهة"},
    "related": {"en": "Related briefings", "ar": "إحاطات ذات صلة"},
    "topic": {"en": "Topic", "ar": "الموضوع"},
    "place": {"en": "Place", "ar": "المكان"},
    "none_yet": {"en": "None yet.", "ar": "لا شيء بعد."},
    "event_meeting": {"en": "Meeting", "ar": "اجتماع"},
    "event_visit": {"en": "Visit", "ar": "زيارة"},
    "event_call": {"en": "Call", "ar": "اتصال"},
    "event_conference": {"en": "Conference", "ar": "مؤتمر"},
    "event_agreement": {"en": "Agreement", "ar": "اتفاق"},
    "event_statement": {"en": "Statement", "ar": "بيان"},
    "events": {"en": "Events", "ar": "الأحداث"},
    "events_reported": {"en": "Events reported", "ar": "الأحداث الواردة"},
    "participants": {"en": "Participants", "ar": "المشاركون"},
    "sources": {"en": "Reported in", "ar": "وردت في"},
    "previous_meeting": {"en": "Previous meeting of the same participants", "ar": "الاجتماع السابق للمشاركين أنفسهم"},
    "next_meeting": {"en": "Next meeting of the same participants", "ar": "الاجتماع التالي للمشاركين أنفسهم"},
    "no_previous_meeting": {"en": "No earlier meeting of the same participants on record.", "ar": "لا يوجد اجتماع سابق مسجل للمشاركين أنفسهم."},
    "no_next_meeting": {"en": "No later meeting of the same participants on record.", "ar": "لا يوجد اجتماع لاحق مسجل للمشاركين أنفسهم."},
    "met_with": {"en": "Met with", "ar": "التقى بـ"},
    "counterpart": {"en": "Counterpart", "ar": "الطرف الآخر"},
    "event_count": {"en": "Events", "ar": "عدد الأحداث"},
    "first_date": {"en": "First", "ar": "الأول"},
    "last_date": {"en": "Last", "ar": "الأخير"},
    "timeline_years": {"en": "Years", "ar": "السنوات"},
    "timeline_year": {"en": "Timeline {year}", "ar": "الخط الزمني {year}"},
    "event_total": {"en": "{count} events", "ar": "عدد الأحداث: {count}"},
    "no_events": {"en": "No events recorded.", "ar": "لا أحداث مسجلة."},
    "feed_title": {"en": "Latest briefings", "ar": "أحدث الإحاطات"},
    "briefing_count": {"en": "{count} briefings", "ar": "عدد الإحاطات: {count}"},
    "network": {"en": "Network", "ar": "شبكة العلاقات"},
    "network_year": {"en": "Network {year}", "ar": "شبكة العلاقات {year}"},
    "network_all": {"en": "All years", "ar": "كل السنوات"},
    "network_actors": {"en": "Actors shown", "ar": "الجهات المعروضة"},
    "network_text": {
        "en": "Who took part in the same meetings, calls, visits, conferences and agreements.",
        "ar": "من شارك في الاجتماعات والاتصالات والزيارات والمؤتمرات والاتفاقات نفسها.",
    },
    "picture_ego_title": {"en": "Meeting network of {name}", "ar": "شبكة لقاءات {name}"},
    "picture_ego_desc": {
        "en": "{name} in the middle, joined to each of {count} counterparts in meetings, calls, visits, conferences and agreements; the wider the line, the more events they share. The table below lists them.",
        "ar": "{name} في الوسط، موصولًا بكل واحد من {count} من الأطراف الذين شاركهم اجتماعات واتصالات وزيارات ومؤتمرات واتفاقات؛ كلما اتسع الخط زاد عدد الأحداث المشتركة. يسردهم الجدول أدناه.",
    },
    "picture_shared": {"en": "{name}: {count} shared events", "ar": "{name}: عدد الأحداث المشتركة {count}"},
    "picture_events": {"en": "{name}: {count} events", "ar": "{name}: عدد الأحداث {count}"},
    "picture_left_out": {
        "en": "The figure shows the {shown} most frequent counterparts; {count} more are in the table.",
        "ar": "يعرض الشكل الأطراف الأكثر تكرارًا ({shown})؛ ويضم الجدول {count} غيرهم.",
    },
    "picture_network_desc": {
        "en": "{count} actors, sized by their number of events, and {links} links between those who took part in the same events.",
        "ar": "{count} من الجهات، بحجم يناسب عدد أحداثها، و{links} من الروابط بين من شاركوا في الأحداث نفسها.",
    },
    "picture_network_rule": {
        "en": "Shown: the {limit} actors with the most events ({left_out} more are left out). A line joins two actors who took part in the same meeting, call, visit, conference or agreement, wider the more often; colours group actors by country.",
        "ar": "المعروض: الجهات الـ{limit} الأكثر أحداثًا (وتُرك {left_out} غيرها). يصل خطٌّ بين جهتين شاركتا في اجتماع أو اتصال أو زيارة أو مؤتمر أو اتفاق واحد، ويتسع كلما تكرر ذلك؛ وتجمع الألوان الجهات حسب الدولة.",
    },
    "picture_network_all": {
        "en": "Shown: all {count} actors with events. A line joins two actors who took part in the same meeting, call, visit, conference or agreement, wider the more often; colours group actors by country.",
        "ar": "المعروض: كل الجهات ذات الأحداث ({count}). يصل خطٌّ بين جهتين شاركتا في اجتماع أو اتصال أو زيارة أو مؤتمر أو اتفاق واحد، ويتسع كلما تكرر ذلك؛ وتجمع الألوان الجهات حسب الدولة.",
    },
    "picture_chart_title": {"en": "Events per month", "ar": "الأحداث في كل شهر"},
    "picture_chart_desc": {
        "en": "A bar per month from {first} to {last}, {count} events in all, split by type; each bar links to its month below.",
        "ar": "عمود لكل شهر من {first} إلى {last}، وعدد الأحداث كلها {count}، مقسّمة حسب النوع؛ ويقود كل عمود إلى شهره أدناه.",
    },
    "picture_month_tip": {"en": "{month}: {count} events", "ar": "{month}: عدد الأحداث {count}"},
    "picture_strip_title": {"en": "Events of {name} over time", "ar": "أحداث {name} عبر الزمن"},
    "picture_strip_desc": {
        "en": "{count} events from {first} to {last}, a square each in its month, coloured by type; each links to the event on the timeline.",
        "ar": "عدد الأحداث {count} من {first} إلى {last}، مربع لكل حدث في شهره، ملوّن حسب النوع؛ ويقود كل مربع إلى الحدث في الخط الزمني.",
    },
    "picture_map_title": {"en": "Map of places", "ar": "خريطة الأماكن"},
    "picture_map_desc": {
        "en": "{count} places on a world map of country outlines, each marked by a circle sized by its number of events and linked to its page; the list below names them all.",
        "ar": "{count} من الأماكن على خريطة للعالم بحدود الدول، لكل منها دائرة بحجم يناسب عدد أحداثه وتقود إلى صفحته؛ وتسردها كلها القائمة أدناه.",
    },
    "picture_map_missing": {"en": "Not on the map (no coordinates yet)", "ar": "ليست على الخريطة (لا إحداثيات لها بعد)"},
    "home_network": {"en": "Who met whom in the last twelve months", "ar": "من التقى بمن في الأشهر الاثني عشر الأخيرة"},
    "latest_events": {"en": "Latest events", "ar": "أحدث الأحداث"},
    "most_active": {"en": "Most active in the last twelve months", "ar": "الأكثر نشاطًا في الأشهر الاثني عشر الأخيرة"},
    "whole_network": {"en": "The whole network", "ar": "الشبكة كاملة"},
    "whole_timeline": {"en": "The whole timeline", "ar": "الخط الزمني كاملًا"},
    "picture_other_group": {"en": "Other", "ar": "أخرى"},
}


def t(key: str, lang: str, **values: object) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: str) -> str:
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def format_day_month(day: dt.date, lang: str) -> str:
    """A date without its year, for lists under a year's heading."""
    return f"{day.day} {MONTHS[lang][day.month - 1]}"


def format_month(year: int, month: int, lang: str) -> str:
    return f"{MONTHS[lang][month - 1]} {year}"
