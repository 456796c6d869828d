"""Word lists and names for the synthetic corpus (real words, both scripts).

Everything here is data: the generator in corpus.py draws from it with a
seeded random.Random, so the lists' order matters for determinism.
"""

from __future__ import annotations

# Arabic words of news prose on security diplomacy: verbs, nouns, adjectives,
# particles.  Hamza on alef/waw/yeh, madda, taa marbuta and alef maqsura all
# occur; a few words carry diacritics as some outlets write them.
AR_WORDS = """
في من إلى على عن مع بين بعد قبل خلال حول ضد لدى منذ حتى عند أمام وراء فوق تحت
هذا هذه ذلك تلك التي الذي الذين هو هي هم نحن كل بعض جميع أي غير أيضًا كما لكن
إن أن قد لقد لم لن ما لا ثم أو أم بل إذ إذا حيث كيف لماذا متى
التقى بحث أكد أعرب أشار أوضح أضاف قال صرّح شدّد دعا رحّب أعلن نفى وقّع اتفق ناقش
استقبل زار توجّه وصل غادر عقد ترأس شارك حضر اختتم افتتح تناول تطرّق جدّد طالب
حذّر أدان رفض وافق اقترح قدّم تسلّم سلّم أبلغ نقل كشف أفاد ذكر تابع واصل أكمل
يمكن يجب ينبغي يسعى يعمل يهدف يتطلب يشكل يتعلق يعتبر يواجه يدعم يعزز يضمن
الاجتماع اللقاء الزيارة المحادثات المباحثات المفاوضات الاتفاق الاتفاقية الاتفاقيات المعاهدة
المؤتمر القمة الحوار الجولة الجلسة الوفد الوفود البيان المؤتمر الصحفي الرسالة الاتصال
الهاتفي المكالمة الرئيس الوزير الأمين المستشار السفير المبعوث المسؤول المسؤولين القائد
الجانب الجانبين الطرفين البلدين الدولتين الدول المنطقة الإقليم العالم المجتمع الدولي
الأمن الأمني الأمنية القومي القومية الدفاع الدفاعي العسكري العسكرية الاستخبارات الحدود
التعاون التنسيق التقارب التآزر الشراكة العلاقات الثنائية المتعددة الأطراف المشترك المشتركة
الاقتصادي الاقتصادية التجاري التجارة الاستثمار الطاقة النفط الغاز الترانزيت النقل الموانئ
السلام الاستقرار الأزمة الأزمات النزاع الصراع الحرب الهدنة وقف إطلاق النار التهدئة
الإرهاب التطرف التهديدات التحديات المخاطر العقوبات الحصار الضغوط التدخلات الأجنبية
الملف النووي البرنامج المفاعل التخصيب الوكالة الدولية للطاقة الذرية المفتشين الضمانات
القضايا الشؤون المسائل الموضوعات الملفات التطورات المستجدات الأوضاع الوضع الراهن
الإسراع تنفيذ تفعيل تعزيز تطوير توسيع تبادل دعم بناء إنشاء إيجاد تحقيق ضمان مواجهة
مكافحة الحد منع احترام السيادة وحدة الأراضي عدم التدخل حسن الجوار المصالح المشتركة
أهمية ضرورة الحاجة المجال المجالات الصعيد المستوى الإطار الآلية الخطة الرؤية الاستراتيجية
جهود مساعي مبادرة مقترح مشروع مشاريع برامج لجنة اللجنة مجلس هيئة منظمة مؤسسة
نتيجة مرحلة خطوة فرصة تقدم نجاح فشل دور موقف رأي تقدير ارتياح قلق أمل ترحيب إدانة
واضح كبير كبيرة مهم مهمة جديد جديدة سريع دقيق إيجابي بنّاء صريح ودي عميق واسع
الأول الثاني الثالث الخامس السادس عشر الماضي المقبل القادم الحالي الأخير المنتظم
اليوم أمس غدًا الأسبوع الشهر العام السنة الساعات الأيام المقبلة الماضية
العاصمة المدينة الحدود البحر الخليج المضيق الممر الطريق الشمال الجنوب الشرق الغرب
الشعب الشعوب الحكومة البرلمان الجيش القوات الأجهزة الوزارة الخارجية السفارة القنصلية
وكالة الأنباء مصادر مطلعة الصحيفة التلفزيون الرسمي الناطق المتحدث باسم وفقًا بحسب
مؤكدًا مشيرًا معربًا داعيًا لافتًا مضيفًا موضحًا
شؤون مسؤول رئيس رؤساء هيئة بيئة جزء ضوء مبدأ منشأة قراءة مسألة سؤال آفاق آلية
""".split()

EN_WORDS = """
the the the of of of and and and to to in in on for with at by from as that which
this these those its their his her our both all each other such also however while
after before during since until between among against about over under within without
met held discussed agreed signed stressed said noted added called urged welcomed warned
announced confirmed denied rejected proposed reviewed received visited arrived left opened
closed chaired attended concluded renewed raised reaffirmed expressed pointed described
can must should could would will may seeks aims requires represents concerns considers
faces supports strengthens ensures continues remains
meeting talks visit negotiations agreement agreements treaty memorandum conference summit
dialogue round session delegation delegations statement press message phone call
president minister secretary adviser ambassador envoy official officials leader
side sides parties countries states region world community international
security defence military intelligence border borders national regional strategic
cooperation coordination rapprochement partnership relations bilateral multilateral joint
economic trade investment energy oil gas transit transport ports corridor
peace stability crisis crises conflict war truce ceasefire de-escalation
terrorism extremism threats challenges risks sanctions pressure interventions foreign
nuclear programme reactor enrichment agency inspectors safeguards
issues affairs matters topics files developments situation current
speeding implementation activation strengthening development expansion exchange support
building establishment achieving guaranteeing confronting combating reducing preventing
respect sovereignty territorial integrity non-interference good neighbourliness interests
importance need field fields level framework mechanism plan vision strategy
efforts initiative proposal project projects programmes committee council body organisation
result stage step opportunity progress success role position view appreciation
satisfaction concern hope condemnation clear major important new swift precise positive
constructive frank friendly deep broad first second third fifth sixteenth last next
current latest regular today yesterday tomorrow week month year hours days coming past
capital city sea gulf strait route north south east west people government parliament
army forces services ministry foreign embassy consulate news agency informed sources
newspaper television official spokesman according
""".split()

# Words that begin an Arabic sentence naturally (often with the conjunction).
AR_OPENERS = "وأكد وأشار وأضاف وقال وشدّد ودعا وأعرب وأوضح ولفت وتابع كما وفي ومن وعلى".split()
EN_OPENERS = ["He also", "In addition", "Meanwhile", "For his part", "The talks", "Officials", "The statement", "Both sides"]

# (English, Arabic) first names.
FIRST_NAMES = [
    ("Ali", "علي"), ("Hassan", "حسن"), ("Mohammad", "محمد"), ("Ahmad", "أحمد"), ("Hossein", "حسين"),
    ("Mahmoud", "محمود"), ("Abbas", "عباس"), ("Javad", "جواد"), ("Hamid", "حميد"), ("Reza", "رضا"),
    ("Majid", "مجيد"), ("Saeed", "سعيد"), ("Khalid", "خالد"), ("Faisal", "فيصل"), ("Abdullah", "عبد الله"),
    ("Youssef", "يوسف"), ("Omar", "عمر"), ("Ibrahim", "إبراهيم"), ("Mustafa", "مصطفى"), ("Karim", "كريم"),
    ("Nikolai", "نيكولاي"), ("Sergei", "سيرغي"), ("Dmitry", "دميتري"), ("Vladimir", "فلاديمير"),
    ("Alexander", "ألكسندر"), ("Mikhail", "ميخائيل"), ("Andrei", "أندريه"), ("Yuri", "يوري"),
    ("Wang", "وانغ"), ("Zhang", "تشانغ"), ("Recep", "رجب"), ("Hakan", "هاكان"), ("Mevlut", "مولود"),
    ("Fatima", "فاطمة"), ("Maryam", "مريم"), ("Leila", "ليلى"), ("Nadia", "نادية"), ("Anna", "آنا"),
    ("Elena", "إيلينا"), ("Maria", "ماريا"), ("Jassim", "جاسم"), ("Tariq", "طارق"), ("Nasser", "ناصر"),
    ("Bassam", "بسام"), ("Fuad", "فؤاد"), ("Raed", "رائد"), ("Hani", "هاني"), ("Samir", "سمير"),
]

# (English, Arabic) surnames: real ones first, then generated from syllables.
SURNAMES = [
    ("Shamkhani", "شمخاني"), ("Patrushev", "باتروشيف"), ("Shoigu", "شويغو"), ("Lavrov", "لافروف"),
    ("Zarif", "ظريف"), ("Araghchi", "عراقجي"), ("Larijani", "لاريجاني"), ("Ahmadian", "أحمديان"),
    ("Bagheri", "باقري"), ("Kani", "كني"), ("Amir-Abdollahian", "أمير عبد اللهيان"), ("Velayati", "ولايتي"),
    ("Fidan", "فيدان"), ("Cavusoglu", "جاويش أوغلو"), ("Kalin", "كالن"), ("Ryabkov", "ريابكوف"),
    ("Bogdanov", "بوغدانوف"), ("Naryshkin", "ناريشكين"), ("Bortnikov", "بورتنيكوف"), ("Ushakov", "أوشاكوف"),
    ("Safadi", "الصفدي"), ("Shoukry", "شكري"), ("Aboul Gheit", "أبو الغيط"), ("Al-Thani", "آل ثاني"),
    ("Al-Busaidi", "البوسعيدي"), ("Hussein", "حسين"), ("Mikati", "ميقاتي"), ("Bou Habib", "بو حبيب"),
    ("Mekdad", "المقداد"), ("Sabbagh", "الصباغ"), ("Abdelatty", "عبد العاطي"), ("Grossi", "غروسي"),
    ("Ulyanov", "أوليانوف"), ("Mirzaei", "ميرزائي"), ("Rezaei", "رضائي"), ("Baghaei", "بقائي"),
    ("Kanaani", "كنعاني"), ("Takht-Ravanchi", "تخت روانجي"), ("Iravani", "إيرواني"), ("Jalili", "جليلي"),
]

# Syllables for further surnames: (Latin, Arabic), concatenated pairwise.
SYLLABLES = [
    ("ka", "كا"), ("ra", "را"), ("mi", "مي"), ("na", "نا"), ("za", "زا"), ("de", "دي"), ("ha", "ها"),
    ("sa", "سا"), ("ba", "با"), ("ri", "ري"), ("lo", "لو"), ("to", "تو"), ("ma", "ما"), ("far", "فار"),
    ("dan", "دان"), ("shah", "شاه"), ("vand", "وند"), ("nov", "نوف"), ("ros", "روس"), ("lin", "لين"),
    ("kar", "كار"), ("jan", "جان"), ("zad", "زاد"), ("mand", "مند"), ("bad", "باد"), ("sor", "سور"),
    ("gho", "غو"), ("khal", "خال"), ("tab", "طاب"), ("qas", "قاس"), ("nas", "ناص"), ("sol", "سول"),
]
ENDINGS = [
    ("i", "ي"), ("ov", "وف"), ("ev", "يف"), ("ian", "يان"), ("pour", "بور"), ("zadeh", "زاده"),
    ("nia", "نيا"), ("ani", "اني"), ("enko", "ينكو"), ("ski", "سكي"), ("oglu", "أوغلو"), ("awi", "اوي"),
]

# (id, English, Arabic, English aliases, Arabic aliases, capital place id)
COUNTRIES = [
    ("iran", "Iran", "إيران", ["Islamic Republic of Iran"], ["الجمهورية الإسلامية الإيرانية", "ايران"]),
    ("russia", "Russia", "روسيا", ["Russian Federation"], ["روسيا الاتحادية"]),
    ("china", "China", "الصين", ["People's Republic of China"], ["جمهورية الصين الشعبية"]),
    ("turkey", "Turkey", "تركيا", ["Türkiye", "Republic of Turkey"], ["الجمهورية التركية"]),
    ("iraq", "Iraq", "العراق", ["Republic of Iraq"], ["جمهورية العراق"]),
    ("syria", "Syria", "سوريا", ["Syrian Arab Republic"], ["سورية", "الجمهورية العربية السورية"]),
    ("lebanon", "Lebanon", "لبنان", ["Lebanese Republic"], ["الجمهورية اللبنانية"]),
    ("saudi-arabia", "Saudi Arabia", "السعودية", ["Kingdom of Saudi Arabia"], ["المملكة العربية السعودية"]),
    ("qatar", "Qatar", "قطر", ["State of Qatar"], ["دولة قطر"]),
    ("oman", "Oman", "عُمان", ["Sultanate of Oman"], ["سلطنة عمان"]),
    ("egypt", "Egypt", "مصر", ["Arab Republic of Egypt"], ["جمهورية مصر العربية"]),
    ("jordan", "Jordan", "الأردن", ["Hashemite Kingdom of Jordan"], ["المملكة الأردنية الهاشمية"]),
    ("uae", "United Arab Emirates", "الإمارات", ["UAE", "Emirates"], ["الإمارات العربية المتحدة", "دولة الإمارات"]),
    ("kuwait", "Kuwait", "الكويت", ["State of Kuwait"], ["دولة الكويت"]),
    ("bahrain", "Bahrain", "البحرين", ["Kingdom of Bahrain"], ["مملكة البحرين"]),
    ("yemen", "Yemen", "اليمن", ["Republic of Yemen"], ["الجمهورية اليمنية"]),
    ("afghanistan", "Afghanistan", "أفغانستان", ["Islamic Emirate of Afghanistan"], ["إمارة أفغانستان الإسلامية"]),
    ("pakistan", "Pakistan", "باكستان", ["Islamic Republic of Pakistan"], ["جمهورية باكستان الإسلامية"]),
    ("india", "India", "الهند", ["Republic of India"], ["جمهورية الهند"]),
    ("armenia", "Armenia", "أرمينيا", ["Republic of Armenia"], ["جمهورية أرمينيا"]),
    ("azerbaijan", "Azerbaijan", "أذربيجان", ["Republic of Azerbaijan"], ["جمهورية أذربيجان"]),
    ("kazakhstan", "Kazakhstan", "كازاخستان", ["Republic of Kazakhstan"], ["جمهورية كازاخستان"]),
    ("uzbekistan", "Uzbekistan", "أوزبكستان", ["Republic of Uzbekistan"], ["جمهورية أوزبكستان"]),
    ("tajikistan", "Tajikistan", "طاجيكستان", ["Republic of Tajikistan"], ["جمهورية طاجيكستان"]),
    ("belarus", "Belarus", "بيلاروس", ["Republic of Belarus"], ["بيلاروسيا", "روسيا البيضاء"]),
    ("algeria", "Algeria", "الجزائر", ["People's Democratic Republic of Algeria"], ["الجمهورية الجزائرية"]),
    ("tunisia", "Tunisia", "تونس", ["Tunisian Republic"], ["الجمهورية التونسية"]),
    ("libya", "Libya", "ليبيا", ["State of Libya"], ["دولة ليبيا"]),
    ("sudan", "Sudan", "السودان", ["Republic of the Sudan"], ["جمهورية السودان"]),
    ("venezuela", "Venezuela", "فنزويلا", ["Bolivarian Republic of Venezuela"], ["جمهورية فنزويلا البوليفارية"]),
    ("brazil", "Brazil", "البرازيل", ["Federative Republic of Brazil"], ["جمهورية البرازيل"]),
    ("south-africa", "South Africa", "جنوب أفريقيا", ["Republic of South Africa"], ["جمهورية جنوب أفريقيا"]),
    ("united-states", "United States", "الولايات المتحدة", ["USA", "United States of America"], ["أمريكا", "الولايات المتحدة الأمريكية"]),
    ("united-kingdom", "United Kingdom", "المملكة المتحدة", ["Britain", "Great Britain"], ["بريطانيا"]),
    ("france", "France", "فرنسا", ["French Republic"], ["الجمهورية الفرنسية"]),
    ("germany", "Germany", "ألمانيا", ["Federal Republic of Germany"], ["جمهورية ألمانيا الاتحادية"]),
    ("japan", "Japan", "اليابان", ["State of Japan"], ["دولة اليابان"]),
    ("indonesia", "Indonesia", "إندونيسيا", ["Republic of Indonesia"], ["جمهورية إندونيسيا"]),
    ("malaysia", "Malaysia", "ماليزيا", ["Federation of Malaysia"], ["اتحاد ماليزيا"]),
    ("north-korea", "North Korea", "كوريا الشمالية", ["DPRK"], ["جمهورية كوريا الديمقراطية الشعبية"]),
]

# (id, English, Arabic, English aliases, Arabic aliases): international bodies.
INTERNATIONAL = [
    ("sco", "Shanghai Cooperation Organisation", "منظمة شنغهاي للتعاون", ["SCO", "Shanghai Cooperation Organization"], ["منظمة شنغهاي"]),
    ("brics", "BRICS", "بريكس", ["BRICS group"], ["مجموعة بريكس"]),
    ("united-nations", "United Nations", "الأمم المتحدة", ["UN Secretariat"], ["منظمة الأمم المتحدة"]),
    ("un-security-council", "UN Security Council", "مجلس الأمن الدولي", ["Security Council of the United Nations"], ["مجلس الأمن التابع للأمم المتحدة"]),
    ("iaea", "International Atomic Energy Agency", "الوكالة الدولية للطاقة الذرية", ["IAEA"], ["وكالة الطاقة الذرية"]),
    ("opec", "OPEC", "أوبك", ["Organization of the Petroleum Exporting Countries"], ["منظمة البلدان المصدرة للنفط"]),
    ("arab-league", "Arab League", "جامعة الدول العربية", ["League of Arab States"], ["الجامعة العربية"]),
    ("gcc", "Gulf Cooperation Council", "مجلس التعاون الخليجي", ["GCC"], ["مجلس التعاون لدول الخليج العربية"]),
    ("oic", "Organisation of Islamic Cooperation", "منظمة التعاون الإسلامي", ["OIC"], ["منظمة المؤتمر الإسلامي"]),
    ("european-union", "European Union", "الاتحاد الأوروبي", ["EU institutions"], ["الاتحاد الاوروبي"]),
    ("nato", "NATO", "حلف شمال الأطلسي", ["North Atlantic Treaty Organization"], ["حلف الناتو", "الناتو"]),
    ("csto", "Collective Security Treaty Organization", "منظمة معاهدة الأمن الجماعي", ["CSTO"], ["معاهدة الأمن الجماعي"]),
    ("eaeu", "Eurasian Economic Union", "الاتحاد الاقتصادي الأوراسي", ["EAEU"], ["الاتحاد الأوراسي"]),
    ("african-union", "African Union", "الاتحاد الأفريقي", ["AU Commission"], ["مفوضية الاتحاد الأفريقي"]),
]

# National bodies, one per (country, kind): (id suffix, English pattern, Arabic pattern, role title en, role title ar)
# {c} is the country's English name, {a} its Arabic name.
NATIONAL_BODIES = [
    ("foreign-ministry", "Ministry of Foreign Affairs of {c}", "وزارة خارجية {a}",
     "Foreign Minister of {c}", "وزير خارجية {a}", ["{c}'s Foreign Minister"], ["وزير الخارجية في {a}"]),
    ("defence-ministry", "Ministry of Defence of {c}", "وزارة دفاع {a}",
     "Defence Minister of {c}", "وزير دفاع {a}", ["{c}'s Defence Minister"], ["وزير الدفاع في {a}"]),
    ("security-council", "Security Council of {c}", "مجلس الأمن القومي في {a}",
     "Secretary of the Security Council of {c}", "أمين مجلس الأمن القومي في {a}",
     ["{c}'s national security chief"], ["أمين مجلس أمن {a}"]),
    ("intelligence-service", "Intelligence Service of {c}", "جهاز استخبارات {a}",
     "Head of the Intelligence Service of {c}", "رئيس جهاز استخبارات {a}", ["{c}'s intelligence chief"], ["رئيس استخبارات {a}"]),
    ("general-staff", "General Staff of the Armed Forces of {c}", "هيئة الأركان العامة للقوات المسلحة في {a}",
     "Chief of the General Staff of {c}", "رئيس هيئة الأركان العامة في {a}", ["{c}'s army chief"], ["رئيس أركان جيش {a}"]),
    ("parliament", "Parliament of {c}", "برلمان {a}",
     "Speaker of the Parliament of {c}", "رئيس برلمان {a}", ["{c}'s parliament speaker"], ["رئيس مجلس نواب {a}"]),
]

# (id, English, Arabic, country id)
PLACES = [
    ("tehran", "Tehran", "طهران", "iran"), ("mashhad", "Mashhad", "مشهد", "iran"), ("isfahan", "Isfahan", "أصفهان", "iran"),
    ("moscow", "Moscow", "موسكو", "russia"), ("saint-petersburg", "Saint Petersburg", "سانت بطرسبرغ", "russia"),
    ("sochi", "Sochi", "سوتشي", "russia"), ("kazan", "Kazan", "قازان", "russia"),
    ("beijing", "Beijing", "بكين", "china"), ("shanghai", "Shanghai", "شنغهاي", "china"),
    ("ankara", "Ankara", "أنقرة", "turkey"), ("istanbul", "Istanbul", "إسطنبول", "turkey"),
    ("baghdad", "Baghdad", "بغداد", "iraq"), ("erbil", "Erbil", "أربيل", "iraq"),
    ("damascus", "Damascus", "دمشق", "syria"), ("beirut", "Beirut", "بيروت", "lebanon"),
    ("riyadh", "Riyadh", "الرياض", "saudi-arabia"), ("jeddah", "Jeddah", "جدة", "saudi-arabia"),
    ("doha", "Doha", "الدوحة", "qatar"), ("muscat", "Muscat", "مسقط", "oman"), ("cairo", "Cairo", "القاهرة", "egypt"),
    ("amman", "Amman", "عمّان", "jordan"), ("abu-dhabi", "Abu Dhabi", "أبوظبي", "uae"), ("dubai", "Dubai", "دبي", "uae"),
    ("kuwait-city", "Kuwait City", "مدينة الكويت", "kuwait"), ("manama", "Manama", "المنامة", "bahrain"),
    ("sanaa", "Sanaa", "صنعاء", "yemen"), ("kabul", "Kabul", "كابول", "afghanistan"),
    ("islamabad", "Islamabad", "إسلام آباد", "pakistan"), ("new-delhi", "New Delhi", "نيودلهي", "india"),
    ("yerevan", "Yerevan", "يريفان", "armenia"), ("baku", "Baku", "باكو", "azerbaijan"),
    ("astana", "Astana", "أستانا", "kazakhstan"), ("tashkent", "Tashkent", "طشقند", "uzbekistan"),
    ("samarkand", "Samarkand", "سمرقند", "uzbekistan"), ("dushanbe", "Dushanbe", "دوشنبه", "tajikistan"),
    ("minsk", "Minsk", "مينسك", "belarus"), ("algiers", "Algiers", "الجزائر العاصمة", "algeria"),
    ("tunis", "Tunis", "تونس العاصمة", "tunisia"), ("tripoli", "Tripoli", "طرابلس", "libya"),
    ("khartoum", "Khartoum", "الخرطوم", "sudan"), ("caracas", "Caracas", "كراكاس", "venezuela"),
    ("brasilia", "Brasília", "برازيليا", "brazil"), ("johannesburg", "Johannesburg", "جوهانسبرغ", "south-africa"),
    ("new-york", "New York", "نيويورك", "united-states"), ("washington", "Washington", "واشنطن", "united-states"),
    ("london", "London", "لندن", "united-kingdom"), ("paris", "Paris", "باريس", "france"),
    ("berlin", "Berlin", "برلين", "germany"), ("vienna", "Vienna", "فيينا", None), ("geneva", "Geneva", "جنيف", None),
    ("tokyo", "Tokyo", "طوكيو", "japan"), ("jakarta", "Jakarta", "جاكرتا", "indonesia"),
]

# Approximate [latitude, longitude] of each place, for the map (content/places.yml's `coordinates`).
COORDINATES = {
    "tehran": (35.69, 51.39), "mashhad": (36.3, 59.6), "isfahan": (32.65, 51.67), "moscow": (55.76, 37.62),
    "saint-petersburg": (59.94, 30.31), "sochi": (43.6, 39.73), "kazan": (55.79, 49.12), "beijing": (39.9, 116.4),
    "shanghai": (31.23, 121.47), "ankara": (39.93, 32.86), "istanbul": (41.01, 28.98), "baghdad": (33.31, 44.36),
    "erbil": (36.19, 44.01), "damascus": (33.51, 36.28), "beirut": (33.89, 35.5), "riyadh": (24.71, 46.68),
    "jeddah": (21.49, 39.19), "doha": (25.29, 51.53), "muscat": (23.59, 58.41), "cairo": (30.04, 31.24),
    "amman": (31.95, 35.93), "abu-dhabi": (24.45, 54.38), "dubai": (25.2, 55.27), "kuwait-city": (29.38, 47.99),
    "manama": (26.23, 50.59), "sanaa": (15.37, 44.19), "kabul": (34.56, 69.21), "islamabad": (33.68, 73.05),
    "new-delhi": (28.61, 77.21), "yerevan": (40.18, 44.51), "baku": (40.41, 49.87), "astana": (51.17, 71.45),
    "tashkent": (41.3, 69.24), "samarkand": (39.65, 66.96), "dushanbe": (38.56, 68.79), "minsk": (53.9, 27.56),
    "algiers": (36.75, 3.06), "tunis": (36.81, 10.18), "tripoli": (32.89, 13.19), "khartoum": (15.5, 32.56),
    "caracas": (10.48, -66.9), "brasilia": (-15.79, -47.88), "johannesburg": (-26.2, 28.05),
    "new-york": (40.71, -74.01), "washington": (38.91, -77.04), "london": (51.51, -0.13), "paris": (48.86, 2.35),
    "berlin": (52.52, 13.4), "vienna": (48.21, 16.37), "geneva": (46.2, 6.14), "tokyo": (35.68, 139.69),
    "jakarta": (-6.21, 106.85),
}

TOPICS = [
    ("regional-security", "Regional security", "الأمن الإقليمي"),
    ("nuclear-programme", "Nuclear programme", "البرنامج النووي"),
    ("sanctions", "Sanctions", "العقوبات"),
    ("energy", "Energy", "الطاقة"),
    ("oil-and-gas", "Oil and gas", "النفط والغاز"),
    ("transit-corridors", "Transit corridors", "ممرات الترانزيت"),
    ("economic-cooperation", "Economic cooperation", "التعاون الاقتصادي"),
    ("military-cooperation", "Military cooperation", "التعاون العسكري"),
    ("counter-terrorism", "Counter-terrorism", "مكافحة الإرهاب"),
    ("border-security", "Border security", "أمن الحدود"),
    ("maritime-security", "Maritime security", "الأمن البحري"),
    ("cyber-security", "Cyber security", "الأمن السيبراني"),
    ("afghanistan", "Afghanistan", "أفغانستان"),
    ("syria-crisis", "Syria crisis", "الأزمة السورية"),
    ("yemen-war", "War in Yemen", "الحرب في اليمن"),
    ("gaza", "Gaza", "غزة"),
    ("caucasus", "South Caucasus", "جنوب القوقاز"),
    ("central-asia", "Central Asia", "آسيا الوسطى"),
    ("gulf-relations", "Gulf relations", "العلاقات الخليجية"),
    ("iran-russia-relations", "Iran–Russia relations", "العلاقات الإيرانية الروسية"),
    ("iran-china-relations", "Iran–China relations", "العلاقات الإيرانية الصينية"),
    ("multilateral-forums", "Multilateral forums", "المحافل متعددة الأطراف"),
    ("arms-control", "Arms control", "الحد من التسلح"),
    ("drug-trafficking", "Drug trafficking", "تهريب المخدرات"),
    ("refugees", "Refugees", "اللاجئون"),
    ("water-security", "Water security", "الأمن المائي"),
    ("food-security", "Food security", "الأمن الغذائي"),
    ("prisoner-exchange", "Prisoner exchange", "تبادل السجناء"),
    ("ceasefire-talks", "Ceasefire talks", "مفاوضات وقف إطلاق النار"),
    ("intelligence-sharing", "Intelligence sharing", "تبادل المعلومات الاستخباراتية"),
]

# (English, Arabic) outlet names.
OUTLETS = [
    ("Nournews (نورنيوز)", "nournews"), ("IRNA", "irna"), ("Tasnim News Agency", "tasnim"), ("TASS", "tass"),
    ("RIA Novosti", "ria"), ("Xinhua", "xinhua"), ("Anadolu Agency", "aa"), ("Al Jazeera", "aljazeera"),
    ("Al-Mayadeen (الميادين)", "almayadeen"), ("SANA (سانا)", "sana"), ("Al-Ahram (الأهرام)", "ahram"),
    ("Asharq Al-Awsat (الشرق الأوسط)", "aawsat"), ("Kuwait News Agency", "kuna"), ("Oman News Agency", "ona"),
]

TRANSLATORS = ["briefing desk", "N. Haddad", "S. Karimi", "L. Mansour", "R. Petrov"]
