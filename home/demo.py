"""Demo content of the home app: locales, admin user, home pages, content pages, header and footer.

Facts come from shared/BRIEF.md (Shuangbai Community, Pidu District, Chengdu).
`load_demo` runs STEPS in order; other apps add their own `demo.py` with STEPS.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from home.demo_kit import T, bullets, child, normalise_streams, rich, site_root
from home.models import ContactDetails, ContentPage, HomePage, NavigationMenu

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "youlin-demo"

HOME_TITLE = T("双柏国际社区", "Shuangbai International Community", "솽바이 국제 커뮤니티")


def ensure_locales(demo):
    for code in ("zh-hans", "en", "ko"):
        demo.locale(code)
    demo.say("zh-hans (source), en, ko")


def ensure_admin(demo):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={"email": "admin@example.com", "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_password(ADMIN_PASSWORD)
        user.save()
    demo.say(f"{'created' if created else 'exists':8} {ADMIN_USERNAME} / {ADMIN_PASSWORD}")


def home_pages(demo):
    """Replace Wagtail's welcome page with the Chinese home page, then translate it."""
    site = Site.objects.get(is_default_site=True)
    root = Page.get_first_root_node()
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        hero = demo.image(
            "Qingshui River",
            ((164, 214, 222), (250, 236, 210), (120, 170, 130), (60, 120, 90), (242, 184, 75)),
            seed=1,
        )
        welcome = home
        home = HomePage(
            title=demo.zh(HOME_TITLE),
            slug="home-zh-hans",
            locale=demo.locale("zh-hans"),
            lead=demo.zh(
                T(
                    "欢迎来到双柏！在这里找到办事指南、社区活动、合作伙伴和公共空间——中文、English、한국어。",
                    "Welcome to Shuangbai! Find how-to guides, community events, partners and public "
                    "spaces here, in Chinese, English and Korean.",
                    "솽바이에 오신 것을 환영합니다! 생활 안내, 커뮤니티 행사, 파트너와 공공 공간 정보를 "
                    "중국어, 영어, 한국어로 찾아보세요.",
                )
            ),
            hero_image=hero,
            hero_alt=demo.zh(
                T(
                    "清水河畔的双柏社区插画：青山、河流、太阳和散步的居民",
                    "Illustration of Shuangbai by the Qingshui River: green hills, the river, "
                    "the sun and neighbours out for a walk",
                    "칭수이강 옆 솽바이 그림: 푸른 언덕, 강, 해, 산책하는 이웃들",
                )
            ),
        )
        root.add_child(instance=home)
        site.root_page = home
        site.site_name = "友邻 Youlin"
        site.save()
        if welcome.depth == 2 and welcome.pk != home.pk and not welcome.get_children().exists():
            welcome.delete()
        state = "created"
        fill_home_body(demo, home)
        normalise_streams(home)
        home.save_revision().publish()
    else:
        state = "exists"
    done = demo.translate(home)
    demo.say(
        f"{state:8} {home.title}  [{', '.join(['zh-hans', *done]) if done else 'translations exist'}]"
    )


def fill_home_body(demo, home):
    newcomers = T("新来的邻居？", "New in the neighbourhood?", "새로 오신 이웃이신가요?")
    home.body = demo.stream(
        "home",
        [
            ("heading", {"text": newcomers, "level": "h2"}),
            (
                "paragraph",
                rich(
                    T(
                        "双柏社区有4万多名居民，其中约150位来自世界各地，多在京东方、华为和富士康工作。"
                        "国际友邻服务中心帮助大家安顿下来、结识邻居。",
                        "More than 40,000 people live in Shuangbai, about 150 of them from abroad, "
                        "many working at BOE, Huawei and Foxconn. The International Neighbour Service "
                        "Centre helps everyone settle in and meet their neighbours.",
                        "솽바이에는 4만 명이 넘는 주민이 살고 있으며, 그중 약 150명이 외국인으로 "
                        "주로 BOE, 화웨이, 폭스콘에서 일합니다. 국제이웃서비스센터는 모두가 자리를 잡고 "
                        "이웃을 만날 수 있도록 돕습니다.",
                    )
                ),
            ),
            (
                "callout",
                {
                    "tone": "warning",
                    "heading": T(
                        "到达后24小时内登记住址",
                        "Register your address within 24 hours",
                        "도착 후 24시간 이내에 주소 등록",
                    ),
                    "text": rich(
                        T(
                            "外国人入住后须在24小时内办理临时住宿登记。住酒店的由酒店办理；"
                            "住在社区的，请到外国人服务站或派出所办理。",
                            "Foreign residents must register their address within 24 hours of moving "
                            "in. Hotels do it for their guests; if you live in the community, go to the "
                            "Foreign Residents Service Station or the police station.",
                            "외국인은 입주 후 24시간 이내에 임시 거주 등록을 해야 합니다. 호텔 투숙객은 "
                            "호텔이 대신 등록하며, 주택에 사는 경우 외국인 서비스 스테이션이나 파출소에서 "
                            "등록하세요.",
                        )
                    ),
                },
            ),
        ],
    )


def content_pages(demo):
    home = site_root()
    demo.page(
        home,
        ContentPage,
        "about",
        title=T("关于双柏社区", "About Shuangbai Community", "솽바이 커뮤니티 소개"),
        summary=T(
            "成都市郫都区郫筒街道的一个国际化社区：2.2平方公里，15个小区，4万多名居民。",
            "An international community in Pitong Subdistrict, Pidu District, Chengdu: 2.2 km², "
            "15 residential compounds and more than 40,000 residents.",
            "청두시 피두구 피퉁가도의 국제 커뮤니티: 면적 2.2km², 15개 단지, 주민 4만여 명.",
        ),
        body=demo.stream(
            "about",
            [
                (
                    "paragraph",
                    rich(
                        T(
                            "双柏社区成立于2012年10月，位于郫筒街道东南部新城。",
                            "Shuangbai Community was founded in October 2012 in the new town in the "
                            "south-east of Pitong Subdistrict.",
                            "솽바이 커뮤니티는 2012년 10월 피퉁가도 동남부 신도시에 설립되었습니다.",
                        ),
                        T(
                            "社区里有青年工程师、学生和家庭，也有住了几十年的老邻居。"
                            "BLOCK街区的中英、中韩双语标识和清水河艺术公园让新来的人很快找到方向。",
                            "Young engineers, students and families live here beside neighbours of many "
                            "decades. Chinese–English and Chinese–Korean signs in the BLOCK street "
                            "district and the Qingshui River Art Park help newcomers find their way.",
                            "젊은 엔지니어, 학생, 가족들이 수십 년을 함께한 이웃들과 어울려 삽니다. "
                            "BLOCK 거리의 중국어–영어, 중국어–한국어 안내판과 칭수이강 예술공원 덕분에 "
                            "새로 온 사람도 쉽게 길을 찾습니다.",
                        ),
                    ),
                ),
                (
                    "facts",
                    {
                        "heading": T("社区概况", "At a glance", "한눈에 보기"),
                        "rows": [
                            {
                                "label": T("成立", "Founded", "설립"),
                                "value": T("2012年10月", "October 2012", "2012년 10월"),
                            },
                            {
                                "label": T("面积", "Area", "면적"),
                                "value": T("2.2平方公里", "2.2 km²", "2.2km²"),
                            },
                            {
                                "label": T("居民小区", "Residential compounds", "주거 단지"),
                                "value": T("15个", "15", "15개"),
                            },
                            {
                                "label": T("居民", "Residents", "주민"),
                                "value": T(
                                    "2万余户，4万余人",
                                    "20,000+ households, 40,000+ people",
                                    "2만여 가구, 4만여 명",
                                ),
                            },
                            {
                                "label": T("外籍居民", "Foreign residents", "외국인 주민"),
                                "value": T("约150人", "about 150", "약 150명"),
                            },
                            {
                                "label": T(
                                    "周边国际商户", "International shops nearby", "주변 국제 상점"
                                ),
                                "value": T("约500家", "about 500", "약 500곳"),
                            },
                        ],
                    },
                ),
                (
                    "quote",
                    {
                        "quote": T(
                            "搬来第一周，邻居就带我去了英语沙龙，现在我在那里教大家做泡菜。",
                            "In my first week a neighbour took me to the English salon. Now I teach "
                            "everyone there how to make kimchi.",
                            "이사 온 첫 주에 이웃이 영어 살롱에 데려가 줬어요. 지금은 거기서 김치 "
                            "담그는 법을 가르쳐요.",
                        ),
                        "attribution": T(
                            "一位来自韩国的居民", "A resident from Korea", "한국에서 온 주민"
                        ),
                    },
                ),
            ],
        ),
    )
    demo.page(
        home,
        ContentPage,
        "service-centre",
        title=T("国际友邻服务中心", "International Neighbour Service Centre", "국제이웃서비스센터"),
        summary=T(
            "2017年4月成立，为社区的国际友人提供贴心、精准的服务。",
            "Opened in April 2017 to give the community's international neighbours warm, "
            "practical help.",
            "2017년 4월 문을 연 센터로, 커뮤니티의 외국인 이웃에게 세심하고 실질적인 도움을 드립니다.",
        ),
        body=demo.stream(
            "service-centre",
            [
                ("heading", {"text": T("我们做什么", "What we do", "하는 일"), "level": "h2"}),
                (
                    "paragraph",
                    bullets(
                        T(
                            "对外汉语课",
                            "Chinese classes for foreigners",
                            "외국인을 위한 중국어 수업",
                        ),
                        T(
                            "国际友邻厨艺比赛、国际音乐节和国际文化节",
                            "The international neighbours' cooking contest, music festival and "
                            "cultural festival",
                            "국제 이웃 요리 대회, 국제 음악 축제, 국제 문화 축제",
                        ),
                        T(
                            "志愿者认证和名誉委员聘任",
                            "Volunteer certification and honorary committee members",
                            "자원봉사자 인증과 명예위원 위촉",
                        ),
                        T(
                            "寄宿家庭和国际夏令营：20多个国家的40多名志愿者，近200户本地家庭",
                            "Host families and an international summer camp: 40+ volunteers from "
                            "20+ countries and about 200 local families",
                            "홈스테이와 국제 여름캠프: 20여 개국 40여 명의 자원봉사자와 약 200가구의 "
                            "현지 가정",
                        ),
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "tip",
                        "heading": T(
                            "詹叔英语沙龙", "Uncle Zhan's English Salon", "잔 아저씨 영어 살롱"
                        ),
                        "text": rich(
                            T(
                                "每周六晚上在服务中心举行，已办120期，2300多人次参加。欢迎来练口语、交朋友。",
                                "Every Saturday evening at the centre: 120 sessions so far and more "
                                "than 2,300 participants. Come to practise and make friends.",
                                "매주 토요일 저녁 센터에서 열립니다. 지금까지 120회, 2,300명 이상이 "
                                "참여했습니다. 말하기 연습도 하고 친구도 사귀세요.",
                            )
                        ),
                    },
                ),
            ],
        ),
    )
    demo.page(
        home,
        ContentPage,
        "newcomers",
        title=T("新居民指南", "Newcomer's guide", "새 주민 안내"),
        summary=T(
            "刚搬来双柏？先办这四件事。",
            "Just moved to Shuangbai? Do these four things first.",
            "솽바이로 막 이사 오셨나요? 먼저 이 네 가지를 하세요.",
        ),
        body=demo.stream(
            "newcomers",
            [
                (
                    "paragraph",
                    bullets(
                        T(
                            "24小时内办理临时住宿登记（外国人服务站或派出所）。",
                            "Register your address within 24 hours (Foreign Residents Service "
                            "Station or police station).",
                            "24시간 이내에 임시 거주 등록(외국인 서비스 스테이션 또는 파출소).",
                        ),
                        T(
                            "办理或延期居留许可前，先来服务中心咨询需要的材料。",
                            "Before applying for or renewing a residence permit, ask the centre "
                            "which documents you need.",
                            "거류 허가를 신청하거나 연장하기 전에 센터에서 필요한 서류를 문의하세요.",
                        ),
                        T(
                            "了解附近有英语或韩语服务的医院。",
                            "Find the nearby hospitals with English- or Korean-speaking staff.",
                            "근처에 영어나 한국어가 가능한 병원을 알아 두세요.",
                        ),
                        T(
                            "学会垃圾分类：可回收物、有害垃圾、厨余垃圾、其他垃圾。",
                            "Learn the four rubbish types: recyclable, hazardous, kitchen and other "
                            "waste.",
                            "분리배출 네 가지를 익히세요: 재활용품, 유해 폐기물, 음식물 쓰레기, 기타 쓰레기.",
                        ),
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "heading": T("便民直通车", "The service bus", "생활 서비스 버스"),
                        "text": rich(
                            T(
                                "便民直通车按时刻表到各小区办公；24小时自助终端可办理部分证件。",
                                "A service bus visits each compound on a timetable, and 24-hour "
                                "self-service terminals handle some paperwork.",
                                "생활 서비스 버스가 시간표에 따라 각 단지를 방문하며, 24시간 무인 "
                                "단말기에서 일부 서류를 처리할 수 있습니다.",
                            )
                        ),
                    },
                ),
            ],
        ),
    )
    emergency_rows = [
        (T("报警", "Police", "경찰"), "110"),
        (T("急救", "Ambulance", "구급차"), "120"),
        (T("火警", "Fire", "화재"), "119"),
        (T("交通事故", "Traffic accident", "교통사고"), "122"),
        (
            T(
                "市民服务热线（可转外语）",
                "City service hotline (foreign languages)",
                "시민 서비스 핫라인(외국어 가능)",
            ),
            "12345",
        ),
        (T("移民管理服务热线", "Immigration services hotline", "이민관리 서비스 핫라인"), "12367"),
    ]
    demo.page(
        home,
        ContentPage,
        "emergency",
        title=T("紧急电话", "Emergency numbers", "긴급 전화번호"),
        summary=T(
            "在中国拨打这些号码免费，手机没有余额也能拨打。",
            "These numbers are free to call in China, even from a phone with no credit.",
            "중국에서 이 번호들은 무료이며, 잔액이 없는 휴대전화로도 걸 수 있습니다.",
        ),
        body=demo.stream(
            "emergency",
            [
                (
                    "facts",
                    {
                        "heading": T("紧急电话", "Emergency numbers", "긴급 전화번호"),
                        "rows": [
                            {"label": label, "value": number} for label, number in emergency_rows
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "tone": "warning",
                        "heading": T("说清楚地址", "Say where you are", "위치를 분명히 말하세요"),
                        "text": rich(
                            T(
                                "报出小区名称、楼栋和单元号。不会说中文？请邻居或物业帮忙，或拨打12345。",
                                "Give your compound, building and unit number. No Chinese? Ask a "
                                "neighbour or the property office to help, or call 12345.",
                                "단지 이름, 동, 호수를 말하세요. 중국어가 어려우면 이웃이나 관리사무소에 "
                                "도움을 청하거나 12345로 전화하세요.",
                            )
                        ),
                    },
                ),
            ],
        ),
    )
    # Translated into English only, so the Korean switcher shows the "not translated yet" notice.
    demo.page(
        home,
        ContentPage,
        "good-life-lab",
        translate_into=("en",),
        title=T("美好生活实验室", "Good Life Lab", "굿 라이프 랩"),
        summary=T(
            "可食地景、阳台花园和“双小柏”文创：居民一起动手让社区更好。",
            "Edible landscapes, balcony gardens and Shuangbai crafts: residents making the "
            "neighbourhood better together.",
            "먹을 수 있는 정원, 발코니 정원, 솽바이 공예품: 주민이 함께 만드는 더 나은 동네.",
        ),
        body=demo.stream(
            "good-life-lab",
            [
                (
                    "paragraph",
                    rich(
                        T(
                            "在社区花园里，邻居们一起种菜、堆肥，把收获分给社区食堂。",
                            "In the community garden neighbours grow vegetables, compost together and "
                            "share the harvest with the community canteen.",
                            "커뮤니티 정원에서 이웃들이 함께 채소를 기르고 퇴비를 만들어 수확물을 "
                            "커뮤니티 식당과 나눕니다.",
                        )
                    ),
                )
            ],
        ),
    )


# Header links, in order; a link appears once its page exists (later apps add theirs).
NAVIGATION = [
    (T("办事指南", "Services", "생활 안내"), "services"),
    (T("活动日历", "Events", "행사 일정"), "events"),
    (T("合作伙伴", "Partners", "파트너"), "partners"),
    (T("公共空间", "Spaces", "공공 공간"), "spaces"),
    (T("新居民指南", "Newcomer's guide", "새 주민 안내"), "newcomers"),
    (T("关于社区", "About", "소개"), "about"),
    (T("服务中心", "Service centre", "서비스센터"), "service-centre"),
    (T("紧急电话", "Emergency numbers", "긴급 전화번호"), "emergency"),
]


def site_chrome(demo):
    """Header navigation and footer contact details, translated like any snippet."""
    home = site_root()
    zh = demo.locale("zh-hans")
    candidates = [(T("首页", "Home", "홈"), home)] + [
        (label, child(home, slug)) for label, slug in NAVIGATION if child(home, slug)
    ]
    links = candidates[:7]
    menu = NavigationMenu.objects.filter(locale=zh).first()
    if menu is None:
        menu = NavigationMenu(locale=zh, name="Main menu")
    menu.items = demo.stream(
        "nav",
        [
            ("link", {"label": label, "page": page.pk if page else None, "url": ""})
            for label, page in links
        ],
    )
    normalise_streams(menu)
    menu.save()
    demo.translate(menu, resync=True)
    demo.say(f"navigation: {len(links)} links in 3 languages")

    contact = ContactDetails.objects.filter(locale=zh).first() or ContactDetails(locale=zh)
    contact.centre_name = demo.zh(
        T("国际友邻服务中心", "International Neighbour Service Centre", "국제이웃서비스센터")
    )
    contact.address = demo.zh(
        T(
            "四川省成都市郫都区郫筒街道双柏社区党群服务中心一楼",
            "Ground floor, Shuangbai Community Centre, Pitong Subdistrict, Pidu District, "
            "Chengdu, Sichuan",
            "쓰촨성 청두시 피두구 피퉁가도 솽바이 커뮤니티센터 1층",
        )
    )
    contact.opening_hours = demo.zh(
        T("周一至周六 9:00–18:00", "Mon–Sat 9:00–18:00", "월–토 9:00–18:00")
    )
    contact.phone = "028-0000-0000"
    contact.email = "hello@youlin.example"
    contact.about = demo.zh(
        rich(
            T(
                "友邻是双柏社区的多语言信息网站，由社区工作者和志愿者编辑。",
                "Youlin is Shuangbai Community's multilingual information site, edited by "
                "community workers and volunteers.",
                "요우린은 솽바이 커뮤니티의 다국어 정보 사이트로, 커뮤니티 활동가와 자원봉사자가 "
                "편집합니다.",
            )
        )
    )
    contact.emergency_numbers = demo.stream(
        "emergency-footer",
        [
            ("number", {"label": label, "number": number})
            for label, number in (
                (T("报警", "Police", "경찰"), "110"),
                (T("急救", "Ambulance", "구급차"), "120"),
                (T("火警", "Fire", "화재"), "119"),
                (
                    T(
                        "市民服务热线（可转外语）",
                        "City service hotline (foreign languages)",
                        "시민 서비스 핫라인(외국어 가능)",
                    ),
                    "12345",
                ),
            )
        ],
    )
    normalise_streams(contact)
    contact.save()
    demo.translate(contact, resync=True)
    demo.say("contact details and emergency numbers in 3 languages")


STEPS = [
    ("Locales", ensure_locales),
    ("Admin user", ensure_admin),
    ("Home pages", home_pages),
    ("Content pages", content_pages),
]
# Run after every app's STEPS, so the menu can link to their index pages.
FINAL_STEPS = [("Navigation and footer", site_chrome)]
