"""Demo content of the calendar: categories, the events index and 20+ events in three languages.

Dates are set relative to the day the demo is loaded, so the calendar always has
something on: the weekly English salon (with one cancelled and one moved
Saturday), a weekly Chinese class, the cultural festival weekend and more.
"""

import datetime

from django.utils import timezone

from events.models import EventCategory, EventDateChange, EventIndexPage, EventOrganiser, EventPage
from home.demo_kit import T, child, rich, site_root
from services.models import PartnerPage, PublicSpacePage

CATEGORIES = [
    ("english-salon", T("英语沙龙", "English salon", "영어 살롱")),
    ("chinese-class", T("汉语课", "Chinese class", "중국어 수업")),
    ("festival", T("节庆活动", "Festival", "축제")),
    ("workshop", T("工作坊", "Workshop", "워크숍")),
    ("volunteering", T("志愿服务", "Volunteering", "자원봉사")),
    ("sports", T("运动", "Sports", "스포츠")),
    ("family", T("亲子家庭", "Family", "가족")),
    ("food", T("美食", "Food", "음식")),
]


def categories(demo):
    zh = demo.locale("zh-hans")
    for order, (slug, name) in enumerate(CATEGORIES):
        category, created = EventCategory.objects.get_or_create(
            locale=zh, slug=slug, defaults={"name": demo.zh(name), "sort_order": order}
        )
        demo.zh(name)
        demo.translate(category)
    demo.say(f"{len(CATEGORIES)} categories in 3 languages")


def index_page(demo):
    demo.page(
        site_root(),
        EventIndexPage,
        "events",
        title=T("活动日历", "Events", "행사 일정"),
        intro=T(
            "社区里每周都有活动：英语沙龙、汉语课、节日庆典、志愿服务……欢迎邻居们参加。",
            "Something is on every week: the English salon, Chinese classes, festivals, "
            "volunteering and more. Everyone is welcome.",
            "커뮤니티에서는 매주 행사가 열립니다: 영어 살롱, 중국어 수업, 축제, 자원봉사 등. "
            "누구나 환영합니다.",
        ),
    )


def _category(slug):
    return EventCategory.objects.get(locale__language_code="zh-hans", slug=slug)


def _space(slug):
    return PublicSpacePage.objects.filter(locale__language_code="zh-hans", slug=slug).first()


def _partner(slug):
    return PartnerPage.objects.filter(locale__language_code="zh-hans", slug=slug).first()


def _next(weekday, weeks=0):
    today = timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


# The Mid-Autumn Festival (15th day of the 8th lunar month) in the Gregorian calendar.
MID_AUTUMN = [
    datetime.date(2026, 9, 25),
    datetime.date(2027, 9, 15),
    datetime.date(2028, 10, 3),
    datetime.date(2029, 9, 22),
    datetime.date(2030, 9, 12),
    datetime.date(2031, 10, 1),
    datetime.date(2032, 9, 19),
    datetime.date(2033, 9, 8),
    datetime.date(2034, 9, 27),
    datetime.date(2035, 9, 16),
]


def next_mid_autumn(today):
    """The next Mid-Autumn Festival after `today` (beyond the table: mid-September)."""
    for day in MID_AUTUMN:
        if day > today:
            return day
    year = today.year + (today >= datetime.date(today.year, 9, 15))
    return datetime.date(year, 9, 15)


def _time(text):
    return datetime.time.fromisoformat(text)


def event(
    demo, slug, title, summary, body, category, venue=None, organisers=(), changes=(), **facts
):
    index = child(site_root(), "events")
    if facts.get("start_time") and isinstance(facts["start_time"], str):
        facts["start_time"] = _time(facts["start_time"])
    if facts.get("end_time") and isinstance(facts["end_time"], str):
        facts["end_time"] = _time(facts["end_time"])
    extra = {}
    if venue:
        extra["venue"] = _space(venue)
    return demo.page(
        index,
        EventPage,
        slug,
        title=title,
        summary=summary,
        body=demo.stream(f"event-{slug}", [("paragraph", rich(*body))]),
        category=_category(category),
        organisers=[EventOrganiser(partner=p) for p in map(_partner, organisers) if p],
        date_changes=list(changes),
        **extra,
        **facts,
    )


def salon(demo):
    saturday = _next(5)
    event(
        demo,
        "english-salon",
        T("詹叔英语沙龙", "Uncle Zhan's English Salon", "잔 아저씨 영어 살롱"),
        T(
            "每周六晚上一起练英语、交朋友。已办120期，2300多人次参加。",
            "Practise English and make friends every Saturday evening: 120 sessions and more "
            "than 2,300 participants so far.",
            "매주 토요일 저녁 함께 영어를 연습하고 친구를 사귀어요. 지금까지 120회, 2,300명 이상 참여.",
        ),
        [
            T(
                "詹叔和志愿者们每周准备一个话题：旅行、美食、工作面试……无论水平高低都欢迎。",
                "Uncle Zhan and the volunteers pick a topic each week: travel, food, job "
                "interviews … Every level is welcome.",
                "잔 아저씨와 자원봉사자들이 매주 주제를 준비합니다: 여행, 음식, 면접 등. "
                "실력에 상관없이 환영합니다.",
            )
        ],
        "english-salon",
        venue="international-neighbour-service-centre",
        organisers=["yam-volunteers"],
        start_date=saturday - datetime.timedelta(weeks=10),
        start_time="19:00",
        end_time="21:00",
        repeat="weekly",
        repeat_until=saturday + datetime.timedelta(weeks=52),
        languages=["en", "zh"],
        audience="everyone",
        changes=[
            EventDateChange(date=saturday + datetime.timedelta(weeks=1), action="cancel"),
            EventDateChange(
                date=saturday + datetime.timedelta(weeks=2),
                action="move",
                new_date=saturday + datetime.timedelta(weeks=2, days=1),
                new_start_time=_time("15:00"),
                new_end_time=_time("17:00"),
                new_venue=_space("shared-classroom"),
            ),
        ],
    )


def weekly_and_monthly(demo):
    event(
        demo,
        "chinese-class",
        T("外国人汉语课", "Chinese class for foreign residents", "외국인을 위한 중국어 수업"),
        T(
            "每周三晚上的免费汉语课，从拼音和日常对话开始。",
            "Free Chinese lessons every Wednesday evening, starting with pinyin and everyday "
            "conversation.",
            "매주 수요일 저녁 무료 중국어 수업. 병음과 일상 회화부터 시작합니다.",
        ),
        [
            T(
                "请带上笔记本。课程由蜀都国际学院的老师志愿授课。",
                "Bring a notebook. Teachers from Shudu International College volunteer to teach.",
                "공책을 가져오세요. 수두 국제학원 선생님들이 자원해서 가르칩니다.",
            )
        ],
        "chinese-class",
        venue="shared-classroom",
        organisers=["shudu-international-college"],
        start_date=_next(2, -6),
        start_time="19:00",
        end_time="20:30",
        repeat="weekly",
        repeat_count=40,
        languages=["zh", "en"],
        audience="adults",
    )
    event(
        demo,
        "muyan-english-corner",
        T("沐言咖啡英语角", "English corner at Muyan Coffee", "무옌 커피 영어 코너"),
        T(
            "书苑社区沐言咖啡的英语角：一杯咖啡，一小时英语聊天。",
            "The English corner at Muyan Coffee in Shuyuan: one coffee, one hour of English "
            "conversation.",
            "수위안 커뮤니티 무옌 커피의 영어 코너: 커피 한 잔과 한 시간의 영어 대화.",
        ),
        [
            T(
                "咖啡自费，聊天免费。",
                "You pay for your coffee; the conversation is free.",
                "커피는 각자 계산, 대화는 무료입니다.",
            )
        ],
        "english-salon",
        venue_address=T(
            "书苑社区沐言咖啡", "Muyan Coffee, Shuyuan Community", "수위안 커뮤니티 무옌 커피"
        ),
        organisers=["muyan-coffee"],
        start_date=_next(3, -2),
        start_time="19:30",
        end_time="20:30",
        repeat="weekly",
        repeat_until=_next(3, 30),
        languages=["en"],
        is_free=False,
        price=T("一杯咖啡的钱", "The price of a coffee", "커피 한 잔 값"),
    )
    event(
        demo,
        "volunteer-day",
        T("YAM志愿服务日", "YAM volunteer day", "YAM 자원봉사의 날"),
        T(
            "每月第二个星期六，和YAM国际志愿者团队一起为社区做点事。",
            "On the second Saturday of each month, help the neighbourhood with the YAM "
            "international volunteer team.",
            "매달 둘째 토요일, YAM 국제 자원봉사팀과 함께 동네를 위해 봉사해요.",
        ),
        [
            T(
                "活动内容有花园劳动、双语导览和帮助新来的外国居民。参加可获得志愿者认证时长。",
                "Garden work, bilingual guided walks and helping newly arrived foreign residents. "
                "Hours count towards volunteer certification.",
                "정원 가꾸기, 이중언어 안내, 새로 온 외국인 주민 돕기 등을 합니다. "
                "봉사 시간은 자원봉사자 인증에 반영됩니다.",
            )
        ],
        "volunteering",
        venue="community-garden",
        organisers=["yam-volunteers"],
        start_date=_second_saturday(),
        start_time="09:00",
        end_time="12:00",
        repeat="monthly",
        repeat_monthly_by="weekday",
        repeat_count=12,
        languages=["zh", "en", "ko"],
    )
    event(
        demo,
        "story-time",
        T("周日亲子故事会", "Sunday story time", "일요일 이야기 시간"),
        T(
            "中英双语绘本故事会，适合3到8岁的孩子和家长。",
            "Picture books read in Chinese and English, for children aged 3 to 8 and their "
            "parents.",
            "중국어와 영어로 그림책을 읽어 주는 시간. 3~8세 어린이와 부모님 대상.",
        ),
        [
            T(
                "每次一本中文书、一本英文书，最后一起做手工。",
                "One Chinese book, one English book, then a craft together.",
                "중국어 책 한 권, 영어 책 한 권을 읽고 함께 만들기를 해요.",
            )
        ],
        "family",
        venue="childrens-area",
        organisers=["gege-house"],
        start_date=_next(6, -3),
        start_time="10:00",
        end_time="11:00",
        repeat="weekly",
        repeat_until=_next(6, 26),
        languages=["zh", "en"],
        audience="families",
        capacity=20,
    )
    event(
        demo,
        "table-tennis",
        T("邻里乒乓球", "Neighbourhood table tennis", "동네 탁구"),
        T(
            "每周五傍晚打乒乓球，球拍可以借。",
            "Table tennis every Friday evening; bats to borrow.",
            "매주 금요일 저녁 탁구. 라켓은 빌릴 수 있어요.",
        ),
        [T("新手和高手都欢迎。", "Beginners and experts alike.", "초보자도 고수도 환영합니다.")],
        "sports",
        venue="shared-theatre",
        start_date=_next(4, -4),
        start_time="18:30",
        end_time="20:00",
        repeat="weekly",
        repeat_until=_next(4, 20),
        languages=["zh", "en", "ko"],
    )
    event(
        demo,
        "language-exchange",
        T("中韩语言交换", "Korean–Chinese language exchange", "한중 언어 교환"),
        T(
            "隔周星期四，中国和韩国邻居互相学习对方的语言。",
            "Every other Thursday, Chinese and Korean neighbours teach each other their languages.",
            "격주 목요일, 중국인과 한국인 이웃이 서로의 언어를 배웁니다.",
        ),
        [
            T(
                "一半时间说中文，一半时间说韩语。",
                "Half the time in Chinese, half in Korean.",
                "절반은 중국어로, 절반은 한국어로 이야기해요.",
            )
        ],
        "chinese-class",
        venue="reading-bar",
        organisers=["gohyangjip-korean-kitchen"],
        start_date=_next(3, -1) + datetime.timedelta(days=1),
        start_time="19:30",
        end_time="21:00",
        repeat="weekly",
        repeat_interval=2,
        repeat_count=20,
        languages=["zh", "ko"],
    )
    event(
        demo,
        "repair-cafe",
        T("美好生活实验室·修理咖啡馆", "Good Life Lab repair café", "굿 라이프 랩 수리 카페"),
        T(
            "每月一次，志愿者帮你修自行车、小家电和衣服。",
            "Once a month volunteers help you fix bikes, small appliances and clothes.",
            "한 달에 한 번, 자원봉사자들이 자전거, 소형 가전, 옷 수선을 도와줍니다.",
        ),
        [
            T(
                "修好的东西少扔一件，社区就少一份垃圾。",
                "Every repair is one thing less in the bin.",
                "하나를 고치면 쓰레기가 하나 줄어듭니다.",
            )
        ],
        "workshop",
        venue="shared-meeting-room",
        organisers=["yilin-social-work"],
        start_date=_next(5, 1) + datetime.timedelta(days=1),
        start_time="14:00",
        end_time="17:00",
        repeat="monthly",
        repeat_monthly_by="date",
        repeat_count=6,
        languages=["zh"],
    )


def _second_saturday():
    today = timezone.localdate()
    first = today.replace(day=1)
    saturday = first + datetime.timedelta(days=(5 - first.weekday()) % 7 + 7)
    if saturday < today:
        month_later = (first + datetime.timedelta(days=32)).replace(day=1)
        saturday = month_later + datetime.timedelta(days=(5 - month_later.weekday()) % 7 + 7)
    return saturday


def one_offs(demo):
    festival_day = _next(5, 3)
    event(
        demo,
        "international-cultural-festival",
        T("国际文化节", "International Cultural Festival", "국제 문화 축제"),
        T(
            "两天的美食、音乐和手工：来自20多个国家的邻居展示自己的文化。",
            "Two days of food, music and crafts: neighbours from over 20 countries share their "
            "cultures.",
            "이틀 동안 음식, 음악, 공예를 즐겨요: 20여 개국 이웃들이 자국 문화를 소개합니다.",
        ),
        [
            T(
                "家在郫都—中外文化体验季的重点活动，往年有三万多名外籍朋友参加。",
                "A highlight of the “Home in Pidu” cultural experience season, which has "
                "welcomed more than 30,000 foreign participants.",
                "‘집은 피두에’ 중외 문화 체험 시즌의 대표 행사로, 지금까지 3만 명이 넘는 "
                "외국인이 참여했습니다.",
            )
        ],
        "festival",
        venue="community-garden",
        organisers=["yilin-social-work", "yam-volunteers"],
        start_date=festival_day,
        end_date=festival_day + datetime.timedelta(days=1),
        all_day=True,
        languages=["zh", "en", "ko"],
    )
    simple = [
        (
            "cooking-contest",
            T(
                "国际友邻厨艺比赛",
                "International neighbours' cooking contest",
                "국제 이웃 요리 대회",
            ),
            T(
                "带上家乡菜来比一比，评委是社区的孩子们。",
                "Bring a dish from home and compete; the judges are the community's children.",
                "고향 음식을 가져와 겨뤄 보세요. 심사위원은 동네 아이들입니다.",
            ),
            "food",
            "shared-theatre",
            _next(5, 4),
            "14:00",
            "17:00",
            {
                "registration_url": "https://youlin.example/register/cooking",
                "capacity": 24,
                "is_full": True,  # the demo shows how a fully booked event looks
            },
        ),
        (
            "dumpling-workshop",
            T("包饺子工作坊", "Dumpling-making workshop", "만두 빚기 워크숍"),
            T(
                "跟社区的阿姨们学包饺子，包完一起吃。",
                "Learn to make dumplings with the neighbourhood aunties, then eat them together.",
                "동네 어르신들께 만두 빚는 법을 배우고 함께 먹어요.",
            ),
            "food",
            "shared-classroom",
            _next(6, 1),
            "10:00",
            "12:00",
            {"is_free": False, "price": T("材料费20元", "¥20 for ingredients", "재료비 20위안")},
        ),
        (
            "balcony-gardening",
            T("阳台花园工作坊", "Balcony gardening workshop", "발코니 정원 워크숍"),
            T(
                "在阳台上种菜和香草：选盆、配土、浇水。",
                "Growing vegetables and herbs on a balcony: pots, soil and watering.",
                "발코니에서 채소와 허브 키우기: 화분, 흙, 물 주기.",
            ),
            "workshop",
            "community-garden",
            _next(5, 2) + datetime.timedelta(days=1),
            "09:30",
            "11:30",
            {},
        ),
        (
            "neighbours-festival",
            T("邻居节", "Neighbours' Festival", "이웃 축제"),
            T(
                "百家宴、跳蚤市场和游戏，认识住在同一栋楼的邻居。",
                "A shared feast, a flea market and games: meet the people in your building.",
                "함께 나누는 음식, 벼룩시장, 게임: 같은 건물 이웃을 만나 보세요.",
            ),
            "festival",
            "international-neighbour-service-centre",
            _next(6, 5),
            "15:00",
            "20:00",
            {},
        ),
        (
            "residence-permit-qa",
            T("居留许可问答会", "Residence permit Q&A", "거류 허가 질의응답"),
            T(
                "出入境民警现场解答签证和居留许可问题。",
                "Officers from the exit-entry administration answer questions on visas and "
                "residence permits.",
                "출입국 경찰이 비자와 거류 허가에 관한 질문에 답합니다.",
            ),
            "workshop",
            "shared-meeting-room",
            _next(0, 1),
            "19:00",
            "20:30",
            {"audience": "newcomers", "status": "postponed"},
        ),
        (
            "host-family-evening",
            T("寄宿家庭说明会", "Host family information evening", "홈스테이 설명회"),
            T(
                "想接待国际志愿者？了解寄宿家庭计划。",
                "Thinking of hosting an international volunteer? Learn about the host family "
                "programme.",
                "국제 자원봉사자를 맞이하고 싶나요? 홈스테이 프로그램을 알아보세요.",
            ),
            "family",
            None,
            _next(1, 2),
            "20:00",
            "21:00",
            {
                "status": "moved_online",
                "online_url": "https://meeting.youlin.example/host-families",
            },
        ),
        (
            "football-friendly",
            T("国际友谊足球赛", "International friendly football match", "국제 친선 축구 경기"),
            T(
                "中外居民混合组队的五人制足球赛。",
                "Five-a-side football with mixed teams of Chinese and foreign residents.",
                "중국인과 외국인 주민이 함께 팀을 이루는 5인제 축구.",
            ),
            "sports",
            None,
            _next(5, 1),
            "15:00",
            "17:00",
            {
                "status": "cancelled",
                "venue_address": T(
                    "清水河艺术公园球场",
                    "Qingshui River Art Park pitch",
                    "칭수이강 예술공원 경기장",
                ),
            },
        ),
        (
            "music-festival",
            T("国际音乐节", "International Music Festival", "국제 음악 축제"),
            T(
                "社区乐队和各国邻居同台演出，露天、免费。",
                "Community bands and neighbours from many countries on one open-air stage, free.",
                "동네 밴드와 여러 나라 이웃들이 한 무대에 서는 무료 야외 공연.",
            ),
            "festival",
            None,
            _next(5, 8),
            "18:30",
            "22:00",
            {"venue_address": T("清水河艺术公园", "Qingshui River Art Park", "칭수이강 예술공원")},
        ),
        (
            "spring-festival-exhibition",
            T(
                "外国人眼中的春节",
                "Spring Festival through foreigners' eyes",
                "외국인의 눈으로 본 춘절",
            ),
            T(
                "外籍居民拍摄的春节照片展。",
                "A photo exhibition of the Spring Festival taken by foreign residents.",
                "외국인 주민이 찍은 춘절 사진 전시회.",
            ),
            "festival",
            "reading-bar",
            _next(0, 9),
            None,
            None,
            {"all_day": True, "end_date": _next(0, 9) + datetime.timedelta(days=13)},
        ),
        (
            "lantern-riddles",
            T("元宵节英文灯谜", "Lantern Festival riddles in English", "정월대보름 영어 수수께끼"),
            T(
                "用英文猜灯谜，猜中有奖，还有汤圆。",
                "Guess lantern riddles in English, win small prizes and eat tangyuan.",
                "영어로 등불 수수께끼를 풀고 상품과 탕위안을 받아 가세요.",
            ),
            "festival",
            "international-neighbour-service-centre",
            _next(5, 11),
            "19:00",
            "21:00",
            {"audience": "families"},
        ),
        (
            "mid-autumn-dinner",
            T("中秋团圆晚宴", "Mid-Autumn reunion dinner", "추석 만찬"),
            T(
                "远离家乡的邻居们一起过中秋：月饼、灯笼和百家菜。",
                "Neighbours far from home celebrate Mid-Autumn together: mooncakes, lanterns and "
                "a shared dinner.",
                "고향을 떠나온 이웃들이 함께 추석을 보내요: 월병, 등불, 함께 나누는 저녁.",
            ),
            "food",
            "international-neighbour-service-centre",
            next_mid_autumn(timezone.localdate()),
            "18:00",
            "21:00",
            {"capacity": 80, "registration_url": "https://youlin.example/register/mid-autumn"},
        ),
        (
            "harvest-day",
            T("可食地景丰收日", "Edible landscape harvest day", "먹거리 정원 수확의 날"),
            T(
                "一起采摘社区花园里的蔬菜，分享给社区食堂。",
                "Pick vegetables in the community garden together and share them with the "
                "community canteen.",
                "커뮤니티 정원에서 함께 채소를 수확해 커뮤니티 식당과 나눠요.",
            ),
            "volunteering",
            "community-garden",
            _next(6, 3),
            "09:00",
            "11:00",
            {"audience": "families"},
        ),
    ]
    for slug, title, summary, category, venue, day, start, end, extra in simple:
        facts = {"start_date": day, "languages": ["zh", "en"], **extra}
        if start:
            facts.update(start_time=start, end_time=end)
        event(demo, slug, title, summary, [summary], category, venue=venue, **facts)

    camp_start = _next(0, 30)
    event(
        demo,
        "summer-camp",
        T("国际夏令营", "International summer camp", "국제 여름캠프"),
        T(
            "两周的夏令营：来自20多个国家的志愿者和本地孩子一起学习、游戏。",
            "Two weeks of camp: volunteers from over 20 countries learn and play with local "
            "children.",
            "2주간의 캠프: 20여 개국의 자원봉사자와 현지 어린이가 함께 배우고 놀아요.",
        ),
        [
            T(
                "约200户本地家庭参与寄宿家庭计划。",
                "About 200 local families take part as host families.",
                "약 200가구의 현지 가정이 홈스테이에 참여합니다.",
            )
        ],
        "family",
        venue="shared-classroom",
        organisers=["yam-volunteers", "shudu-international-college"],
        start_date=camp_start,
        end_date=camp_start + datetime.timedelta(days=11),
        all_day=True,
        languages=["zh", "en"],
        audience="children",
        registration_url="https://youlin.example/register/summer-camp",
    )


STEPS = [
    ("Event categories", categories),
    ("Event calendar page", index_page),
    ("English salon (weekly, one Saturday cancelled, one moved)", salon),
    ("Repeating events", weekly_and_monthly),
    ("One-off and multi-day events", one_offs),
]
