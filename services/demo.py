"""Demo content of the directory: service categories, guides, partners and public spaces.

Facts come from shared/BRIEF.md (Shuangbai Community, Pidu District, Chengdu);
coordinates are WGS-84 points around the community. Pages are written in Chinese
and translated through wagtail-localize by the demo toolkit, like every demo page.
"""

import datetime
import hashlib
import io

from django.core.files.images import ImageFile
from django.utils import timezone

from home.demo_kit import T, bullets, rich, site_root
from services.models import (
    PartnerIndexPage,
    PartnerOpeningHours,
    PartnerPage,
    PublicSpacePage,
    ServiceCategory,
    ServiceIndexPage,
    ServiceOpeningHours,
    ServicePage,
    SpaceHoursException,
    SpaceIndexPage,
    SpaceOpeningHours,
)

FREE = T("免费", "Free of charge", "무료")
CENTRE_ADDRESS = T(
    "郫都区郫筒街道双柏社区党群服务中心一楼",
    "Ground floor, Shuangbai Community Centre, Pitong Subdistrict, Pidu District",
    "피두구 피퉁가도 솽바이 커뮤니티센터 1층",
)
CLOSED_ON_HOLIDAYS = T("法定节假日休息", "Closed on public holidays", "법정 공휴일 휴무")
OPEN_EVERY_DAY = T(
    "全年无休，节假日照常开放",
    "Open every day, public holidays included",
    "연중무휴, 공휴일에도 운영",
)
BRING_PASSPORT = T("护照原件", "Your passport (the original)", "여권 원본")


def hours(days, opens, closes):
    """Weekly rows: hours((0, 1, 2, 3, 4), "09:00", "17:30")."""
    return [
        (day, datetime.time.fromisoformat(opens), datetime.time.fromisoformat(closes))
        for day in days
    ]


WEEKDAYS = (0, 1, 2, 3, 4)
MON_SAT = (0, 1, 2, 3, 4, 5)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)
OFFICE_HOURS = hours(WEEKDAYS, "09:00", "12:00") + hours(WEEKDAYS, "13:30", "17:30")
CENTRE_HOURS = hours(MON_SAT, "09:00", "18:00")
# Chinese New Year's Day (the Spring Festival) moves with the lunar calendar.
SPRING_FESTIVAL = {
    2026: datetime.date(2026, 2, 17),
    2027: datetime.date(2027, 2, 6),
    2028: datetime.date(2028, 1, 26),
    2029: datetime.date(2029, 2, 13),
    2030: datetime.date(2030, 2, 3),
    2031: datetime.date(2031, 1, 23),
}


def _next(today, month, day):
    """The next `month`/`day` from `today` on (this year's, or next year's if it has passed)."""
    this_year = datetime.date(today.year, month, day)
    return this_year if this_year >= today else this_year.replace(year=today.year + 1)


def special_days(today):
    """The spaces' holidays and special days, from the day the demo is loaded.

    Dates are computed, not written down, so the "Holidays and special days" list
    has upcoming dates whenever the demo is built: the next New Year, Spring
    Festival, Labour Day and National Day, and a staff training day three weeks
    on so that at least one date always falls within the list's 60 days.
    Returns [(date, closed, opens, closes)] in date order.
    """
    days = [(_next(today, 12, 31), False, datetime.time(10), datetime.time(23, 59))]
    days.append((_next(today, 1, 1), True, None, None))
    festival = next((d for _year, d in sorted(SPRING_FESTIVAL.items()) if d >= today), None)
    if festival is not None:  # past the table's last year: no Spring Festival closure
        days += [(festival + datetime.timedelta(n), True, None, None) for n in range(3)]
    for month, first in ((5, 1), (10, 1)):  # Labour Day, National Day
        start = _next(today, month, first)
        days += [(start + datetime.timedelta(n), True, None, None) for n in range(3)]
    training = today + datetime.timedelta(days=21)
    training += datetime.timedelta(days=(2 - training.weekday()) % 7)  # a Wednesday
    days.append((training, True, None, None))
    unique = {day[0]: day for day in days}  # a holiday wins over the training day
    return sorted(unique.values(), key=lambda day: day[0])


# Guides last checked this many days before the demo is loaded; the rest were
# checked within the last few weeks. These two are past YOULIN_SERVICE_REVIEW_DAYS,
# so editors see them under Reports → Guides to review.
STALE_GUIDES = {"income-tax": 30, "pension-annual-review": 90}


def rows(model, weekly):
    return [model(weekday=day, opens=opens, closes=closes) for day, opens, closes in weekly]


# Categories ---------------------------------------------------------------------------------

CATEGORIES = [
    ("residence-visas", 10, T("居留与签证", "Residence and visas", "거류와 비자")),
    ("health", 20, T("医疗健康", "Health", "의료와 건강")),
    ("education", 30, T("教育", "Education", "교육")),
    ("family", 40, T("家庭与儿童", "Family and children", "가족과 아이")),
    ("work-tax", 50, T("工作与税务", "Work and tax", "일과 세금")),
    ("legal", 60, T("法律", "Legal help", "법률")),
    ("daily-life", 70, T("日常生活", "Daily life", "일상생활")),
    ("emergencies", 80, T("紧急情况", "Emergencies", "긴급 상황")),
]


def categories(demo):
    zh = demo.locale("zh-hans")
    for slug, order, name in CATEGORIES:
        category, created = ServiceCategory.objects.get_or_create(
            locale=zh, slug=slug, defaults={"name": demo.zh(name), "sort_order": order}
        )
        category.name = demo.zh(name)
        category.sort_order = order
        category.save()
        done = demo.translate(category)
        state = "created" if created else "exists"
        demo.say(
            f"{state:8} {category.name}  [{', '.join(['zh-hans', *done]) if done else 'translations exist'}]"
        )


def category(slug):
    return ServiceCategory.objects.get(locale__language_code="zh-hans", slug=slug)


# Index pages --------------------------------------------------------------------------------


def index_pages(demo):
    home = site_root()
    demo.page(
        home,
        ServiceIndexPage,
        "services",
        title=T("办事指南", "Services", "생활 안내"),
        intro=T(
            "办证、看病、上学、垃圾分类……一步一步告诉你去哪里、带什么、找谁。",
            "Papers, doctors, schools, rubbish: step by step, where to go, what to bring and who to ask.",
            "서류, 병원, 학교, 분리배출까지: 어디로 가서 무엇을 가져가고 누구에게 물어야 하는지 차근차근 안내합니다.",
        ),
    )
    demo.page(
        home,
        PartnerIndexPage,
        "partners",
        title=T("合作伙伴", "Partners", "파트너"),
        intro=T(
            "社区合伙人：咖啡馆、商店、学校、企业和志愿者团队，很多都能说英语或韩语。",
            "The community's partners: cafés, shops, schools, employers and volunteer teams, many of them speaking English or Korean.",
            "커뮤니티 파트너: 카페, 상점, 학교, 기업, 자원봉사단. 영어나 한국어가 통하는 곳이 많습니다.",
        ),
    )
    demo.page(
        home,
        SpaceIndexPage,
        "spaces",
        title=T("公共空间", "Spaces", "공공 공간"),
        intro=T(
            "居民可以免费使用或预约的空间：阅读、上课、开会、演出、带孩子玩、种菜。",
            "Places residents can use or book for free: to read, learn, meet, perform, play with the children or grow vegetables.",
            "주민이 무료로 이용하거나 예약할 수 있는 공간: 독서, 수업, 회의, 공연, 아이와 놀이, 텃밭 가꾸기.",
        ),
    )


def index(model):
    return model.objects.get(locale__language_code="zh-hans")


# Public spaces ------------------------------------------------------------------------------

GARDEN = ((190, 226, 200), (250, 244, 214), (130, 190, 120), (70, 140, 80), (236, 120, 80))
INDOOR = ((214, 226, 240), (246, 240, 228), (160, 180, 200), (110, 130, 160), (242, 184, 75))

SPACES = [
    {
        "slug": "international-neighbour-service-centre",
        "title": T(
            "国际友邻服务中心", "International Neighbour Service Centre", "국제이웃서비스센터"
        ),
        "summary": T(
            "2017年4月开放，外国人服务站也在这里：住宿登记、签证咨询、生活求助，一站办好。",
            "Open since April 2017 and home to the Foreign Residents Service Station: address registration, visa questions and everyday help in one place.",
            "2017년 4월에 문을 열었고 외국인 서비스 스테이션도 이곳에 있습니다. 거주 등록, 비자 상담, 생활 도움을 한곳에서.",
        ),
        "description": rich(
            T(
                "服务中心和郫筒派出所共建外国人服务站，工作人员会说英语，每周二下午有韩语志愿者。",
                "The centre runs the Foreign Residents Service Station with Pitong police station. The staff speak English, and a Korean-speaking volunteer is here on Tuesday afternoons.",
                "센터는 피퉁 파출소와 함께 외국인 서비스 스테이션을 운영합니다. 직원은 영어가 가능하고, 화요일 오후에는 한국어 자원봉사자가 있습니다.",
            )
        ),
        "facilities": bullets(
            T("免费无线网络和饮水", "Free Wi-Fi and drinking water", "무료 와이파이와 식수"),
            T("复印、打印和扫描", "Copying, printing and scanning", "복사, 인쇄, 스캔"),
            T("母婴室", "Baby-care room", "수유실"),
        ),
        "how_to_book": rich(
            T(
                "不用预约，直接来。",
                "No need to book: just come in.",
                "예약 없이 바로 오시면 됩니다.",
            )
        ),
        "image_alt": T(
            "服务中心明亮的大厅插画",
            "Illustration of the centre's bright hall",
            "밝은 센터 로비 그림",
        ),
        "lat": "30.808120",
        "lng": "103.891530",
        "capacity": 80,
        "step_free": True,
        "toilet": True,
        "lift": True,
        "phone": "028-8888-0101",
        "weekly": CENTRE_HOURS,
        "palette": INDOOR,
        "seed": 11,
        "address": CENTRE_ADDRESS,
    },
    {
        "slug": "reading-bar",
        "title": T("阅读吧", "Reading bar", "독서 바"),
        "summary": T(
            "两千多册中外文图书和共享书架，安静看书、借书还书都可以。",
            "More than 2,000 books in Chinese and other languages on shared shelves: read quietly, borrow and return.",
            "중국어와 외국어 책 2,000여 권이 있는 공유 서가. 조용히 읽고, 빌리고, 반납할 수 있습니다.",
        ),
        "description": rich(
            T(
                "带一本书来，换一本书走。英文和韩文书放在靠窗的书架上。",
                "Bring a book, take a book. English and Korean books are on the shelves by the window.",
                "책 한 권을 가져오고 한 권을 가져가세요. 영어와 한국어 책은 창가 서가에 있습니다.",
            )
        ),
        "facilities": bullets(
            T("24个座位和充电插座", "24 seats with power sockets", "좌석 24개와 충전 콘센트"),
            T("儿童绘本角", "Picture-book corner for children", "어린이 그림책 코너"),
        ),
        "how_to_book": rich(
            T(
                "不用预约，直接来。",
                "No need to book: just come in.",
                "예약 없이 바로 오시면 됩니다.",
            )
        ),
        "image_alt": T(
            "摆满图书的阅读吧插画",
            "Illustration of the reading bar full of books",
            "책이 가득한 독서 바 그림",
        ),
        "lat": "30.808410",
        "lng": "103.891880",
        "capacity": 24,
        "step_free": True,
        "toilet": True,
        "lift": True,
        "phone": "028-8888-0102",
        "weekly": hours(EVERY_DAY, "09:00", "21:00"),
        "palette": INDOOR,
        "seed": 12,
        "address": T(
            "双柏社区党群服务中心二楼",
            "First floor, Shuangbai Community Centre",
            "솽바이 커뮤니티센터 2층",
        ),
    },
    {
        "slug": "shared-classroom",
        "title": T("共享教室", "Shared classroom", "공유 교실"),
        "summary": T(
            "对外汉语课和英语沙龙在这里上课，空闲时段居民可以免费预约。",
            "Chinese classes and the English salon meet here; residents can book it for free when it is free.",
            "중국어 수업과 영어 살롱이 열리는 곳으로, 비어 있는 시간에는 주민이 무료로 예약할 수 있습니다.",
        ),
        "description": rich(
            T(
                "教室有30张可移动桌椅、白板和投影仪，适合上课、讲座和兴趣小组。",
                "The classroom has 30 movable desks, a whiteboard and a projector: good for classes, talks and clubs.",
                "이동식 책상 30개, 화이트보드, 프로젝터가 있어 수업, 강연, 동아리 모임에 좋습니다.",
            )
        ),
        "facilities": bullets(
            T("投影仪和白板", "Projector and whiteboard", "프로젝터와 화이트보드"),
            T("30套可移动桌椅", "30 movable desks and chairs", "이동식 책상과 의자 30세트"),
        ),
        "how_to_book": rich(
            T(
                "提前三天在服务中心前台或打电话预约。",
                "Book at the centre's front desk or by phone at least three days ahead.",
                "센터 안내 데스크나 전화로 최소 3일 전에 예약하세요.",
            )
        ),
        "image_alt": T(
            "共享教室里的课桌和白板插画",
            "Illustration of desks and a whiteboard in the shared classroom",
            "공유 교실의 책상과 화이트보드 그림",
        ),
        "lat": "30.808250",
        "lng": "103.891260",
        "capacity": 30,
        "step_free": True,
        "toilet": True,
        "lift": True,
        "phone": "028-8888-0101",
        "weekly": hours(EVERY_DAY, "08:30", "21:30"),
        "palette": INDOOR,
        "seed": 13,
        "address": T(
            "双柏社区党群服务中心三楼",
            "Second floor, Shuangbai Community Centre",
            "솽바이 커뮤니티센터 3층",
        ),
    },
    {
        "slug": "shared-theatre",
        "title": T("共享剧场", "Shared theatre", "공유 극장"),
        "summary": T(
            "120座的小剧场，国际音乐节和文化节的演出都在这里。",
            "A 120-seat theatre where the international music and cultural festivals put on their shows.",
            "120석 소극장으로 국제 음악 축제와 문화 축제 공연이 열립니다.",
        ),
        "description": rich(
            T(
                "舞台有灯光和音响，错峰时段可以租给居民和社团排练、演出。",
                "The stage has lights and sound, and residents and clubs can rent it at off-peak times to rehearse or perform.",
                "무대에 조명과 음향이 있으며, 한가한 시간에는 주민과 동아리가 연습이나 공연을 위해 빌릴 수 있습니다.",
            )
        ),
        "facilities": bullets(
            T("灯光和音响", "Stage lights and sound", "조명과 음향"),
            T("化妆间", "Dressing room", "분장실"),
        ),
        "how_to_book": rich(
            T(
                "提前一周在服务中心前台预约，错峰时段收少量场地费。",
                "Book at the centre's front desk a week ahead; a small fee applies at off-peak times.",
                "일주일 전에 센터 안내 데스크에서 예약하세요. 한가한 시간대에는 소액의 대관료가 있습니다.",
            )
        ),
        "image_alt": T(
            "灯光下的小剧场舞台插画",
            "Illustration of the small theatre's lit stage",
            "조명이 켜진 소극장 무대 그림",
        ),
        "lat": "30.807760",
        "lng": "103.892140",
        "capacity": 120,
        "step_free": True,
        "toilet": True,
        "lift": False,
        "phone": "028-8888-0103",
        "weekly": hours(MON_SAT, "14:00", "22:00"),
        "palette": INDOOR,
        "seed": 14,
        "address": T(
            "双柏社区文化活动中心一楼",
            "Ground floor, Shuangbai Culture Centre",
            "솽바이 문화활동센터 1층",
        ),
    },
    {
        "slug": "shared-meeting-room",
        "title": T("共享会议室", "Shared meeting room", "공유 회의실"),
        "summary": T(
            "12人会议室，有视频会议设备，适合小组讨论和线上面试。",
            "A meeting room for 12 with video-call equipment, good for group meetings and online interviews.",
            "화상회의 장비를 갖춘 12인 회의실로, 소모임 회의나 온라인 면접에 좋습니다.",
        ),
        "description": rich(
            T(
                "工作日白天优先给社区组织使用，晚上和周末居民可以预约。",
                "Community groups have priority on weekdays; residents can book evenings and weekends.",
                "평일 낮에는 커뮤니티 단체가 우선 사용하고, 저녁과 주말에는 주민이 예약할 수 있습니다.",
            )
        ),
        "facilities": bullets(
            T(
                "视频会议摄像头和大屏幕",
                "Video-call camera and large screen",
                "화상회의 카메라와 대형 화면",
            ),
            T("白板", "Whiteboard", "화이트보드"),
        ),
        "how_to_book": rich(
            T(
                "提前三天在服务中心前台或打电话预约。",
                "Book at the centre's front desk or by phone at least three days ahead.",
                "센터 안내 데스크나 전화로 최소 3일 전에 예약하세요.",
            )
        ),
        "image_alt": T(
            "会议桌和大屏幕插画",
            "Illustration of a meeting table and a large screen",
            "회의 테이블과 대형 화면 그림",
        ),
        "lat": "30.808300",
        "lng": "103.891400",
        "capacity": 12,
        "step_free": True,
        "toilet": True,
        "lift": True,
        "phone": "028-8888-0101",
        "weekly": hours(EVERY_DAY, "09:00", "21:00"),
        "palette": INDOOR,
        "seed": 15,
        "address": T(
            "双柏社区党群服务中心三楼",
            "Second floor, Shuangbai Community Centre",
            "솽바이 커뮤니티센터 3층",
        ),
    },
    {
        "slug": "childrens-area",
        "title": T("儿童活动区", "Children's area", "어린이 놀이 공간"),
        "summary": T(
            "给0至12岁孩子的游戏区和绘本角，家长陪同免费使用。",
            "A play area and picture-book corner for children up to 12, free with a parent.",
            "0~12세 어린이를 위한 놀이 공간과 그림책 코너. 보호자와 함께 무료로 이용할 수 있습니다.",
        ),
        "description": rich(
            T(
                "周末上午有中英双语故事会，欢迎不同国家的孩子一起玩。",
                "On weekend mornings there is a Chinese–English story time, and children from every country are welcome to play together.",
                "주말 오전에는 중국어·영어 이야기 시간이 있고, 여러 나라 아이들이 함께 어울려 놉니다.",
            )
        ),
        "facilities": bullets(
            T("软垫游戏区", "Soft play area", "푹신한 놀이 공간"),
            T("母婴室", "Baby-care room", "수유실"),
        ),
        "how_to_book": rich(
            T(
                "不用预约，直接来。",
                "No need to book: just come in.",
                "예약 없이 바로 오시면 됩니다.",
            )
        ),
        "image_alt": T(
            "孩子们在游戏区玩耍的插画",
            "Illustration of children playing in the play area",
            "놀이 공간에서 노는 아이들 그림",
        ),
        "lat": "30.808050",
        "lng": "103.891700",
        "capacity": 25,
        "step_free": True,
        "toilet": True,
        "lift": True,
        "phone": "028-8888-0101",
        "weekly": hours((1, 2, 3, 4, 5, 6), "09:30", "18:00"),
        "palette": INDOOR,
        "seed": 16,
        "address": CENTRE_ADDRESS,
    },
    {
        "slug": "community-garden",
        "title": T(
            "可食地景社区花园", "Edible Landscape community garden", "먹거리 정원 커뮤니티 가든"
        ),
        "summary": T(
            "邻居们一起种菜、堆肥的社区花园，周六上午有志愿者带大家劳动。",
            "The garden where neighbours grow vegetables and compost together; volunteers lead a work session on Saturday mornings.",
            "이웃이 함께 채소를 기르고 퇴비를 만드는 정원으로, 토요일 오전에는 자원봉사자가 함께 작업을 이끕니다.",
        ),
        "description": rich(
            T(
                "收获的蔬菜一部分送到社区食堂。没有种过菜也没关系，工具和手套都有。",
                "Part of the harvest goes to the community canteen. Never grown anything? No problem: tools and gloves are provided.",
                "수확한 채소의 일부는 커뮤니티 식당에 보냅니다. 처음이어도 괜찮아요. 도구와 장갑이 준비되어 있습니다.",
            )
        ),
        "facilities": bullets(
            T("工具棚和手套", "Tool shed and gloves", "도구 창고와 장갑"),
            T("堆肥箱", "Compost bins", "퇴비함"),
        ),
        "how_to_book": rich(
            T(
                "想认领一块菜地？到服务中心前台登记。",
                "Want a plot of your own? Sign up at the centre's front desk.",
                "텃밭을 분양받고 싶다면 센터 안내 데스크에서 신청하세요.",
            )
        ),
        "image_alt": T(
            "菜地、向日葵和小木屋插画",
            "Illustration of vegetable beds, sunflowers and a small shed",
            "채소밭, 해바라기, 작은 창고 그림",
        ),
        "lat": "30.806900",
        "lng": "103.893050",
        "capacity": 40,
        "step_free": True,
        "toilet": False,
        "lift": False,
        "phone": "028-8888-0101",
        "weekly": hours(EVERY_DAY, "07:00", "19:00"),
        "palette": GARDEN,
        "seed": 17,
        "address": T(
            "双柏社区清水河畔，艺术公园东门旁",
            "By the Qingshui River, next to the east gate of the Art Park",
            "칭수이강변, 예술공원 동문 옆",
        ),
    },
]


GALLERY_CAPTIONS = [
    ("{}：活动日", "{} on an activity day", "활동하는 날의 {}"),
    ("{}：安静的上午", "{} on a quiet morning", "조용한 아침의 {}"),
    ("{}：傍晚", "{} in the evening", "저녁의 {}"),
    ("{}：节日布置", "{} decorated for a festival", "축제 장식을 한 {}"),
]


def gallery(demo, item):
    """Two to four pictures of the space, each drawn anew (none is the main photo)."""
    title = item["title"]
    blocks = []
    for number, (zh, en, ko) in enumerate(GALLERY_CAPTIONS[: 2 + item["seed"] % 3], start=1):
        caption = T(zh.format(title.zh), en.format(title.en), ko.format(title.ko))
        picture = demo.image(
            f"{title.en}, photo {number}", item["palette"], item["seed"] * 100 + number
        )
        alt = T(f"插画：{caption.zh}", f"Illustration: {caption.en}", f"그림: {caption.ko}")
        blocks.append(("photo", {"image": picture.pk, "alt_text": alt, "caption": caption}))
    return demo.stream(f"space-{item['slug']}", blocks)


def spaces(demo):
    parent = index(SpaceIndexPage)
    today = timezone.localdate()
    for item in SPACES:
        photo = demo.image(item["title"].en, item["palette"], item["seed"])
        exceptions = [
            SpaceHoursException(date=day, closed=closed, opens=opens, closes=closes)
            for day, closed, opens, closes in special_days(today)
        ]
        demo.page(
            parent,
            PublicSpacePage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            description=item["description"],
            facilities=item["facilities"],
            how_to_book=item["how_to_book"],
            image=photo,
            image_alt=item["image_alt"],
            address=item["address"],
            latitude=item["lat"],
            longitude=item["lng"],
            capacity=item["capacity"],
            step_free=item["step_free"],
            accessible_toilet=item["toilet"],
            lift=item["lift"],
            phone=item["phone"],
            hours_note=CLOSED_ON_HOLIDAYS,
            opening_hours=rows(SpaceOpeningHours, item["weekly"]),
            hours_exceptions=exceptions,
            gallery=gallery(demo, item),
        )


def space(slug):
    return PublicSpacePage.objects.get(locale__language_code="zh-hans", slug=slug)


# Service guides -----------------------------------------------------------------------------

STATION = "international-neighbour-service-centre"


def step(title, text=None):
    return ("step", {"title": title, "text": rich(text) if text else ""})


SERVICES = [
    {
        "slug": "temporary-residence-registration",
        "category": "residence-visas",
        "title": T(
            "24小时内办理临时住宿登记",
            "Register your address within 24 hours",
            "24시간 이내 임시 거주 등록",
        ),
        "summary": T(
            "外国人搬进新住处后24小时内必须登记。在服务中心的外国人服务站就能办，和派出所联网。",
            "Foreign residents must register a new address within 24 hours. The Foreign Residents Service Station in the service centre does it, linked to the police station.",
            "외국인은 새 주소로 이사한 뒤 24시간 이내에 등록해야 합니다. 서비스센터 안 외국인 서비스 스테이션에서 파출소와 연계해 처리합니다.",
        ),
        "steps": [
            step(
                T("带齐材料", "Gather your documents", "서류 준비"),
                T(
                    "护照、签证或居留许可、租房合同。",
                    "Passport, visa or residence permit, and your tenancy agreement.",
                    "여권, 비자 또는 거류 허가, 임대 계약서.",
                ),
            ),
            step(
                T(
                    "到外国人服务站",
                    "Go to the Foreign Residents Service Station",
                    "외국인 서비스 스테이션 방문",
                ),
                T(
                    "工作日上班时间，和房东一起来最快。",
                    "During office hours on a weekday; coming with your landlord is quickest.",
                    "평일 근무 시간에 오세요. 집주인과 함께 오면 가장 빠릅니다.",
                ),
            ),
            step(
                T("领取登记回执", "Keep the registration slip", "등록 확인증 보관"),
                T(
                    "办居留许可和银行卡时都会用到。",
                    "You will need it for your residence permit and bank account.",
                    "거류 허가와 은행 계좌 개설 때 필요합니다.",
                ),
            ),
        ],
        "documents": bullets(
            BRING_PASSPORT,
            T(
                "租房合同或房产证复印件",
                "Tenancy agreement or a copy of the owner's deed",
                "임대 계약서 또는 집주인의 부동산 등기 사본",
            ),
            T("房东身份证复印件", "A copy of the landlord's ID card", "집주인 신분증 사본"),
        ),
        "fees": FREE,
        "space": STATION,
        "languages": ["zh", "en", "ko"],
        "weekly": OFFICE_HOURS,
        "phone": "028-8888-0110",
    },
    {
        "slug": "visa-residence-permit",
        "category": "residence-visas",
        "title": T(
            "签证和居留许可咨询", "Visa and residence-permit advice", "비자와 거류 허가 상담"
        ),
        "summary": T(
            "延期、变更或首次申请居留许可前，先来问清楚要准备什么，少跑一趟。",
            "Before you extend, change or first apply for a residence permit, ask what to prepare and save yourself a trip.",
            "거류 허가를 연장, 변경하거나 처음 신청하기 전에 무엇을 준비해야 하는지 먼저 물어보세요. 헛걸음을 줄일 수 있습니다.",
        ),
        "steps": [
            step(
                T("到期前30天来咨询", "Ask 30 days before it expires", "만료 30일 전에 상담"),
                T(
                    "工作人员帮你核对材料清单。",
                    "The staff check your list of documents with you.",
                    "직원이 서류 목록을 함께 확인해 드립니다.",
                ),
            ),
            step(
                T(
                    "到出入境接待大厅办理",
                    "Apply at the Exit-Entry Service Hall",
                    "출입국 민원실에서 신청",
                ),
                T(
                    "需要本人到场并采集指纹。",
                    "You must go in person to have your fingerprints taken.",
                    "본인이 직접 가서 지문을 등록해야 합니다.",
                ),
            ),
        ],
        "documents": bullets(
            BRING_PASSPORT,
            T("临时住宿登记回执", "Your address registration slip", "임시 거주 등록 확인증"),
            T(
                "单位或学校出具的证明",
                "A letter from your employer or school",
                "직장이나 학교의 증명서",
            ),
        ),
        "fees": T(
            "咨询免费；居留许可按国家标准收费。",
            "Advice is free; residence permits cost the national fee.",
            "상담은 무료이며, 거류 허가는 국가 기준 수수료가 있습니다.",
        ),
        "space": STATION,
        "languages": ["zh", "en"],
        "online_url": "https://s.nia.gov.cn/",
        "phone": "12367",
    },
    {
        "slug": "hospitals-english-korean",
        "category": "health",
        "government": False,  # run by the hospitals
        "title": T(
            "有英语和韩语服务的医院",
            "Hospitals with English- and Korean-speaking staff",
            "영어·한국어 진료가 가능한 병원",
        ),
        "summary": T(
            "附近两家医院设有国际门诊，可以用英语就诊，周四有韩语翻译志愿者。",
            "Two nearby hospitals have international clinics where you can see a doctor in English; a Korean-speaking volunteer interprets on Thursdays.",
            "근처 두 병원에 국제 진료실이 있어 영어로 진료받을 수 있고, 목요일에는 한국어 통역 자원봉사자가 있습니다.",
        ),
        "steps": [
            step(T("在微信上预约挂号", "Book an appointment on WeChat", "위챗으로 진료 예약")),
            step(
                T(
                    "带护照去国际门诊",
                    "Take your passport to the international clinic",
                    "여권을 가지고 국제 진료실 방문",
                )
            ),
            step(
                T(
                    "用医保卡或银行卡付费",
                    "Pay with your medical insurance card or a bank card",
                    "의료보험 카드나 은행 카드로 결제",
                )
            ),
        ],
        "documents": bullets(
            BRING_PASSPORT,
            T(
                "医保卡（如果有）",
                "Medical insurance card, if you have one",
                "의료보험 카드(있는 경우)",
            ),
        ),
        "fees": T("按医院标准收费。", "Hospital fees apply.", "병원 기준 진료비가 있습니다."),
        "address": T(
            "郫都区人民医院国际门诊，望丛东路",
            "International clinic, Pidu District People's Hospital, Wangcong East Road",
            "피두구 인민병원 국제 진료실, 왕충동로",
        ),
        "languages": ["zh", "en", "ko"],
        "phone": "028-8888-0120",
    },
    {
        "slug": "school-enrolment",
        "category": "education",
        "title": T("孩子入学", "Enrolling your child at school", "자녀 입학"),
        "summary": T(
            "外籍孩子可以就读附近的公办学校或国际学校。每年4月至6月报名秋季入学。",
            "Foreign children can attend a nearby state school or an international school. Apply from April to June for the autumn term.",
            "외국 국적 자녀도 근처 공립학교나 국제학교에 다닐 수 있습니다. 가을 학기 입학 신청은 매년 4~6월입니다.",
        ),
        "steps": [
            step(
                T(
                    "到服务中心了解学位",
                    "Ask the centre about school places",
                    "센터에서 학교 자리 문의",
                )
            ),
            step(T("向学校提交申请", "Apply to the school", "학교에 신청서 제출")),
            step(T("参加入学面谈", "Go to the admission interview", "입학 면담 참석")),
        ],
        "documents": bullets(
            T("孩子和父母的护照", "Passports of the child and parents", "자녀와 부모의 여권"),
            T("居留许可", "Residence permit", "거류 허가"),
            T("预防接种证明", "Vaccination record", "예방접종 증명서"),
        ),
        "fees": T(
            "公办学校免学费；国际学校按学校标准收费。",
            "No tuition at state schools; international schools set their own fees.",
            "공립학교는 수업료가 없고, 국제학교는 학교별 기준에 따릅니다.",
        ),
        "space": STATION,
        "languages": ["zh", "en"],
    },
    {
        "slug": "child-health-appointments",
        "category": "family",
        "title": T(
            "网上预约儿童保健", "Booking child health check-ups online", "아이 건강검진 온라인 예약"
        ),
        "summary": T(
            "孩子的体检和疫苗接种可以在网上预约，不用排队。",
            "Book your child's check-ups and vaccinations online and skip the queue.",
            "아이의 건강검진과 예방접종을 온라인으로 예약하면 줄을 서지 않아도 됩니다.",
        ),
        "steps": [
            step(
                T(
                    "打开“天府市民云”应用",
                    "Open the Tianfu Citizen Cloud app",
                    "톈푸 시민 클라우드 앱 열기",
                )
            ),
            step(
                T(
                    "选择儿童保健并预约时间",
                    "Choose child health and pick a time",
                    "아동 보건을 선택하고 시간 예약",
                )
            ),
        ],
        "documents": bullets(
            T("孩子的预防接种证", "Your child's vaccination booklet", "아이의 예방접종 수첩")
        ),
        "fees": FREE,
        "address": T(
            "郫筒街道社区卫生服务中心",
            "Pitong Subdistrict Community Health Centre",
            "피퉁가도 지역 보건센터",
        ),
        "languages": ["zh"],
        "online_url": "https://www.cdhrss.chengdu.gov.cn/",
    },
    {
        "slug": "income-tax",
        "category": "work-tax",
        "title": T("个人所得税年度汇算", "Annual income tax return", "개인소득세 연말정산"),
        "summary": T(
            "每年3月至6月办理上一年的个税汇算，可以在手机上完成。",
            "File last year's income tax return between March and June; it can be done on your phone.",
            "매년 3~6월에 전년도 소득세 정산을 하며, 휴대전화로 할 수 있습니다.",
        ),
        "steps": [
            step(
                T(
                    "下载“个人所得税”应用",
                    "Download the Individual Income Tax app",
                    "개인소득세 앱 다운로드",
                )
            ),
            step(T("用护照号码注册", "Register with your passport number", "여권 번호로 가입")),
            step(T("核对收入并提交", "Check your income and submit", "소득을 확인하고 제출")),
        ],
        "documents": bullets(
            BRING_PASSPORT, T("中国的银行卡", "A Chinese bank card", "중국 은행 카드")
        ),
        "fees": FREE,
        "space": STATION,
        "languages": ["zh", "en"],
        "online_url": "https://etax.chinatax.gov.cn/",
    },
    {
        "slug": "pension-annual-review",
        "category": "work-tax",
        "title": T("养老金资格年审", "Pension annual review", "연금 수급 자격 연례 확인"),
        "summary": T(
            "领取养老金的居民每年要做一次资格认证，刷脸就能在网上完成。",
            "Residents who receive a pension confirm it once a year; a face scan online is enough.",
            "연금을 받는 주민은 1년에 한 번 자격 확인을 해야 하며, 온라인 얼굴 인증으로 끝납니다.",
        ),
        "steps": [
            step(
                T(
                    "打开“天府市民云”应用",
                    "Open the Tianfu Citizen Cloud app",
                    "톈푸 시민 클라우드 앱 열기",
                )
            ),
            step(
                T(
                    "选择养老金资格认证并刷脸",
                    "Choose pension check and scan your face",
                    "연금 자격 확인을 선택하고 얼굴 인증",
                )
            ),
        ],
        "documents": bullets(T("身份证或护照", "ID card or passport", "신분증 또는 여권")),
        "fees": FREE,
        "space": STATION,
        "languages": ["zh"],
        "online_url": "https://www.cdhrss.chengdu.gov.cn/",
    },
    {
        "slug": "legal-advice",
        "category": "legal",
        "government": False,  # volunteer lawyers
        "title": T("免费法律咨询", "Free legal advice", "무료 법률 상담"),
        "summary": T(
            "租房纠纷、劳动合同、交通事故……每周三下午律师在服务中心坐班。",
            "Tenancy disputes, employment contracts, traffic accidents: a lawyer is at the centre every Wednesday afternoon.",
            "임대 분쟁, 근로계약, 교통사고 등: 매주 수요일 오후 변호사가 센터에 상주합니다.",
        ),
        "steps": [
            step(T("打电话预约时间", "Call to book a time", "전화로 시간 예약")),
            step(
                T("带上合同和相关材料", "Bring your contract and papers", "계약서와 관련 서류 지참")
            ),
        ],
        "documents": bullets(
            BRING_PASSPORT,
            T(
                "合同、聊天记录等相关材料",
                "Contracts, messages and other related papers",
                "계약서, 대화 기록 등 관련 자료",
            ),
        ),
        "fees": FREE,
        "space": STATION,
        "languages": ["zh", "en"],
        "weekly": hours((2,), "14:00", "17:00"),
        "phone": "028-8888-0148",
    },
    {
        "slug": "rubbish-sorting",
        "category": "daily-life",
        "title": T("垃圾分类", "Sorting your rubbish", "쓰레기 분리배출"),
        "summary": T(
            "四个颜色的桶：可回收物、有害垃圾、厨余垃圾、其他垃圾。厨余垃圾每天早晚定时投放。",
            "Four coloured bins: recyclables, hazardous, kitchen and other waste. Kitchen waste goes out at set times morning and evening.",
            "네 가지 색 통: 재활용품, 유해 폐기물, 음식물 쓰레기, 기타 쓰레기. 음식물 쓰레기는 매일 아침저녁 정해진 시간에 버립니다.",
        ),
        "steps": [
            step(T("在家分好类", "Sort at home", "집에서 분리")),
            step(
                T(
                    "早上7点至9点、晚上6点至8点投放厨余垃圾",
                    "Put kitchen waste out 7–9 am or 6–8 pm",
                    "음식물 쓰레기는 오전 7~9시, 오후 6~8시에 배출",
                )
            ),
        ],
        "fees": FREE,
        "address": T(
            "各小区垃圾分类投放点", "The sorting point in your compound", "각 단지의 분리배출 장소"
        ),
        "languages": ["zh"],
    },
    {
        "slug": "service-bus",
        "category": "daily-life",
        "title": T("便民直通车时刻表", "Service bus timetable", "생활 서비스 버스 시간표"),
        "summary": T(
            "便民直通车每周按时刻表开到15个小区，可以办证明、缴费和咨询。",
            "The service bus visits all 15 compounds on a weekly timetable for certificates, payments and questions.",
            "생활 서비스 버스가 매주 시간표에 따라 15개 단지를 방문해 증명서 발급, 요금 납부, 상담을 돕습니다.",
        ),
        "steps": [
            step(
                T(
                    "查看本小区的停靠时间",
                    "Check when it stops at your compound",
                    "우리 단지 정차 시간 확인",
                ),
                T(
                    "时刻表贴在每个小区门口。",
                    "The timetable is posted at each compound gate.",
                    "시간표는 각 단지 입구에 붙어 있습니다.",
                ),
            ),
            step(T("带上要办的材料", "Bring what you need for your errand", "처리할 서류 지참")),
        ],
        "fees": FREE,
        "address": T("各小区门口", "At each compound's gate", "각 단지 입구"),
        "languages": ["zh", "en"],
        "weekly": hours((0, 2, 4), "09:00", "11:30"),
    },
    {
        "slug": "self-service-terminals",
        "category": "daily-life",
        "title": T("24小时自助终端", "24-hour self-service terminals", "24시간 무인 단말기"),
        "summary": T(
            "打印社保证明、缴水电费、查询居住证进度，半夜也能办。",
            "Print social insurance certificates, pay utility bills and check a permit application, even at midnight.",
            "사회보험 증명서 출력, 공과금 납부, 거주증 진행 조회를 한밤중에도 할 수 있습니다.",
        ),
        "steps": [
            step(T("在屏幕上选择英文界面", "Choose English on the screen", "화면에서 영어 선택")),
            step(
                T(
                    "扫描证件并按提示操作",
                    "Scan your document and follow the prompts",
                    "신분증을 스캔하고 안내에 따라 진행",
                )
            ),
        ],
        "fees": FREE,
        "space": STATION,
        "languages": ["zh", "en"],
        "weekly": hours(EVERY_DAY, "00:00", "00:00"),
        "hours_note": OPEN_EVERY_DAY,
    },
    {
        "slug": "emergency-numbers",
        "category": "emergencies",
        "title": T("遇到紧急情况怎么办", "What to do in an emergency", "긴급 상황 대처법"),
        "summary": T(
            "报警110，急救120，火警119。12345热线可以转接英语翻译。",
            "Police 110, ambulance 120, fire 119. The 12345 hotline can put you through to an English interpreter.",
            "경찰 110, 구급 120, 화재 119. 12345 핫라인은 영어 통역을 연결해 줍니다.",
        ),
        "steps": [
            step(T("先确保自己安全", "First make yourself safe", "먼저 자신의 안전 확보")),
            step(
                T(
                    "拨打电话，说清楚小区、楼栋和单元",
                    "Call and give your compound, building and unit",
                    "전화해서 단지, 동, 호수를 정확히 말하기",
                )
            ),
            step(
                T(
                    "请邻居或物业帮忙",
                    "Ask a neighbour or the property office to help",
                    "이웃이나 관리사무소에 도움 요청",
                )
            ),
        ],
        "fees": T("拨打紧急电话免费。", "Emergency calls are free.", "긴급 전화는 무료입니다."),
        "languages": ["zh", "en"],
        "phone": "12345",
    },
]


def last_checked(slug, position, today):
    """A "last checked" date: a few weeks back, or past the review age for STALE_GUIDES."""
    from django.conf import settings

    if slug in STALE_GUIDES:
        return today - datetime.timedelta(
            days=settings.YOULIN_SERVICE_REVIEW_DAYS + STALE_GUIDES[slug]
        )
    return today - datetime.timedelta(days=3 + 11 * position % 60)


def services(demo):
    parent = index(ServiceIndexPage)
    today = timezone.localdate()
    for position, item in enumerate(SERVICES):
        where = space(item["space"]) if item.get("space") else None
        demo.page(
            parent,
            ServicePage,
            item["slug"],
            title=item["title"],
            category=category(item["category"]),
            summary=item["summary"],
            steps=demo.stream(f"service-{item['slug']}", item["steps"]),
            documents=item.get("documents", ""),
            fees=item["fees"],
            where_space=where,
            where_address=item.get("address", ""),
            hours_note=item.get("hours_note", CLOSED_ON_HOLIDAYS) if item.get("weekly") else "",
            government_service=item.get("government", True),
            last_reviewed=last_checked(item["slug"], position, today),
            opening_hours=rows(ServiceOpeningHours, item.get("weekly", [])),
            counter_languages=item["languages"],
            phone=item.get("phone", ""),
            online_url=item.get("online_url", ""),
        )


# Partners -----------------------------------------------------------------------------------


def partner(
    slug,
    kind,
    title,
    summary,
    description,
    offers,
    address,
    lat,
    lng,
    languages,
    weekly,
    logo,
    **contact,
):
    return {
        "slug": slug,
        "kind": kind,
        "title": title,
        "summary": summary,
        "description": description,
        "offers": offers,
        "address": address,
        "lat": lat,
        "lng": lng,
        "languages": languages,
        "weekly": weekly,
        "logo": logo,
        **contact,
    }


PARTNERS = [
    partner(
        "muyan-coffee",
        "cafe",
        T("沐言咖啡", "Muyan Coffee", "무옌 커피"),
        T(
            "书苑社区的咖啡馆，每周六下午办英语沙龙。",
            "A café in Shuyuan community with an English salon every Saturday afternoon.",
            "수위안 커뮤니티의 카페로, 매주 토요일 오후 영어 살롱을 엽니다.",
        ),
        rich(
            T(
                "手冲咖啡和自制蛋糕，可以刷外国银行卡。店主以前是英语老师。",
                "Pour-over coffee and home-made cakes; foreign bank cards are accepted. The owner used to teach English.",
                "핸드드립 커피와 수제 케이크가 있고 해외 카드 결제가 됩니다. 사장님은 예전에 영어 교사였습니다.",
            )
        ),
        bullets(
            T(
                "凭居民卡咖啡九折",
                "10% off coffee with a resident card",
                "주민 카드 제시 시 커피 10% 할인",
            ),
            T("英语沙龙免费参加", "The English salon is free to join", "영어 살롱 무료 참여"),
        ),
        T(
            "郫都区书苑社区书苑街18号",
            "18 Shuyuan Street, Shuyuan community, Pidu District",
            "피두구 수위안 커뮤니티 수위안가 18호",
        ),
        "30.811200",
        "103.887600",
        ["zh", "en"],
        hours(EVERY_DAY, "08:30", "22:00"),
        ("MY", (120, 72, 48)),
        phone="028-8888-1001",
        wechat_id="muyan_coffee",
    ),
    partner(
        "yam-volunteers",
        "volunteer",
        T("YAM国际志愿者团队", "YAM International Volunteers", "YAM 국제 자원봉사단"),
        T(
            "“You and Me”志愿者用中英双语帮外国朋友解决生活难题。",
            "“You and Me” volunteers help foreign neighbours with everyday problems in Chinese and English.",
            "‘You and Me’ 자원봉사자들이 중국어와 영어로 외국인 이웃의 생활 문제를 돕습니다.",
        ),
        rich(
            T(
                "团队来自天府新区南山社区，陪同看病、办事、找房，也组织节日活动。",
                "Started in Nanshan community in Tianfu New Area, the team goes with you to the doctor, to offices and to view flats, and runs festival events.",
                "톈푸신구 난산 커뮤니티에서 시작한 팀으로, 병원·관공서·집 보러 갈 때 동행하고 명절 행사도 엽니다.",
            )
        ),
        bullets(
            T("免费陪同翻译", "Free interpreting on appointments", "무료 동행 통역"),
            T("新居民欢迎包", "A welcome pack for newcomers", "새 주민 환영 꾸러미"),
        ),
        CENTRE_ADDRESS,
        "30.808120",
        "103.891530",
        ["zh", "en", "ko"],
        hours((5, 6), "10:00", "17:00"),
        ("YAM", (11, 93, 87)),
        phone="028-8888-1002",
        wechat_id="yam_volunteers",
    ),
    partner(
        "shudu-international-college",
        "school",
        T("蜀都国际学院", "Shudu International College", "수두 국제대학"),
        T(
            "大学城里的高校，留学生志愿者常来社区教英语和韩语。",
            "A university in the college town whose international students often teach English and Korean in the community.",
            "대학타운의 대학으로, 유학생 자원봉사자들이 커뮤니티에서 영어와 한국어를 가르칩니다.",
        ),
        rich(
            T(
                "学院和社区合办国际夏令营和寄宿家庭项目。",
                "The college and the community run the international summer camp and the host-family programme together.",
                "대학과 커뮤니티가 국제 여름캠프와 홈스테이 프로그램을 함께 운영합니다.",
            )
        ),
        bullets(
            T(
                "图书馆向居民开放周末阅览",
                "The library opens to residents at weekends",
                "주말에 도서관을 주민에게 개방",
            ),
        ),
        T(
            "郫都区大学城团结学院路99号",
            "99 Tuanjie College Road, University Town, Pidu District",
            "피두구 대학타운 퇀제학원로 99호",
        ),
        "30.823400",
        "103.902100",
        ["zh", "en", "ko", "ru"],
        hours(WEEKDAYS, "08:30", "17:30"),
        ("SIC", (60, 70, 140)),
        phone="028-8888-1003",
    ),
    partner(
        "qingyuan-display",
        "enterprise",
        T("清源显示科技", "Qingyuan Display Technology", "칭위안 디스플레이"),
        T(
            "显示屏制造企业，社区里很多外籍工程师在这里工作。",
            "A display-panel maker where many of the community's foreign engineers work.",
            "디스플레이 제조 기업으로, 커뮤니티의 외국인 엔지니어가 많이 일합니다.",
        ),
        rich(
            T(
                "企业支持社区的国际文化节，员工志愿者参加垃圾分类宣传。",
                "The company supports the international cultural festival, and staff volunteers help with rubbish-sorting campaigns.",
                "회사는 국제 문화 축제를 후원하고, 직원 자원봉사자가 분리배출 캠페인에 참여합니다.",
            )
        ),
        bullets(
            T(
                "员工家属可参加对外汉语课",
                "Staff families can join the Chinese classes",
                "직원 가족은 중국어 수업 참여 가능",
            ),
        ),
        T("郫都区德源大道2号", "2 Deyuan Avenue, Pidu District", "피두구 더위안대로 2호"),
        "30.795600",
        "103.905800",
        ["zh", "en", "ko", "ja"],
        hours(WEEKDAYS, "09:00", "18:00"),
        ("QD", (30, 110, 170)),
        website="https://example.com/qingyuan",
    ),
    partner(
        "huachuang-telecom",
        "enterprise",
        T("华创通信研究院", "Huachuang Telecom Research Institute", "화촹 통신연구원"),
        T(
            "通信设备研发中心，每年接待大批外籍专家。",
            "A telecoms research centre that welcomes many foreign experts every year.",
            "통신 장비 연구개발 센터로, 해마다 많은 외국인 전문가가 옵니다.",
        ),
        rich(
            T(
                "研究院的工程师每月到服务中心做一次科普讲座。",
                "Its engineers give a popular-science talk at the service centre once a month.",
                "연구원의 엔지니어들이 한 달에 한 번 서비스센터에서 과학 강연을 합니다.",
            )
        ),
        bullets(
            T("青少年编程体验日", "Coding taster days for teenagers", "청소년 코딩 체험의 날"),
        ),
        T("郫都区创智路8号", "8 Chuangzhi Road, Pidu District", "피두구 촹즈로 8호"),
        "30.799800",
        "103.897300",
        ["zh", "en"],
        hours(WEEKDAYS, "09:00", "18:00"),
        ("HC", (200, 40, 40)),
        website="https://example.com/huachuang",
    ),
    partner(
        "fulian-precision",
        "enterprise",
        T("富联精密制造", "Fulian Precision Manufacturing", "푸롄 정밀제조"),
        T(
            "电子产品制造企业，提供多语种的员工生活支持。",
            "An electronics manufacturer with multilingual support for its staff's daily life.",
            "전자제품 제조 기업으로, 직원 생활을 여러 언어로 지원합니다.",
        ),
        rich(
            T(
                "企业和社区一起办厨艺比赛，员工来自十几个国家。",
                "The company co-hosts the cooking contest with the community; its staff come from more than ten countries.",
                "회사는 커뮤니티와 함께 요리 대회를 열며, 직원들은 십여 개국 출신입니다.",
            )
        ),
        bullets(
            T(
                "员工凭工牌免费使用共享会议室",
                "Staff can use the shared meeting room free with their badge",
                "직원은 사원증으로 공유 회의실 무료 이용",
            ),
        ),
        T("郫都区港通北路166号", "166 Gangtong North Road, Pidu District", "피두구 강퉁북로 166호"),
        "30.789900",
        "103.884400",
        ["zh", "en", "es"],
        hours(WEEKDAYS, "08:00", "17:00"),
        ("FL", (90, 90, 90)),
        website="https://example.com/fulian",
    ),
    partner(
        "gohyangjip-korean-kitchen",
        "restaurant",
        T("故乡家韩国料理", "Gohyangjip Korean Kitchen", "고향집 한식당"),
        T(
            "韩国老板开的家常菜馆，泡菜都是自己腌的。",
            "Home cooking from a Korean owner, with kimchi made in-house.",
            "한국인 사장님이 하는 가정식 식당으로, 김치를 직접 담급니다.",
        ),
        rich(
            T(
                "店里有韩文、中文和英文菜单，周末常有韩国邻居聚餐。",
                "Menus in Korean, Chinese and English; Korean neighbours often get together here at weekends.",
                "한국어·중국어·영어 메뉴가 있고, 주말에는 한국 이웃들이 자주 모입니다.",
            )
        ),
        bullets(
            T(
                "社区活动志愿者用餐八折",
                "20% off for community volunteers",
                "커뮤니티 자원봉사자 20% 할인",
            ),
        ),
        T(
            "BLOCK街区2栋105号",
            "Unit 105, Building 2, BLOCK street district",
            "BLOCK 거리 2동 105호",
        ),
        "30.806100",
        "103.889900",
        ["ko", "zh", "en"],
        hours(EVERY_DAY, "11:00", "14:00") + hours(EVERY_DAY, "17:00", "22:30"),
        ("고향", (196, 60, 50)),
        phone="028-8888-1007",
        wechat_id="gohyangjip",
    ),
    partner(
        "block-global-grocery",
        "cafe",
        T("BLOCK环球食品店", "BLOCK Global Grocery", "BLOCK 글로벌 식료품점"),
        T(
            "进口食品和调料，韩国、东南亚和欧洲的家乡味都找得到。",
            "Imported food and spices: tastes of home from Korea, South-East Asia and Europe.",
            "수입 식품과 양념: 한국, 동남아, 유럽의 고향 맛을 찾을 수 있습니다.",
        ),
        rich(
            T(
                "BLOCK街区约500家国际商户之一，招牌有中英、中韩双语。",
                "One of about 500 international shops around the BLOCK street district, with Chinese–English and Chinese–Korean signs.",
                "BLOCK 거리 주변 약 500곳의 국제 상점 중 하나로, 중국어–영어, 중국어–한국어 간판이 있습니다.",
            )
        ),
        bullets(
            T(
                "满200元免费送货上门",
                "Free delivery on orders over 200 yuan",
                "200위안 이상 무료 배달",
            ),
        ),
        T(
            "BLOCK街区5栋101号",
            "Unit 101, Building 5, BLOCK street district",
            "BLOCK 거리 5동 101호",
        ),
        "30.806500",
        "103.890400",
        ["zh", "en", "ko"],
        hours(EVERY_DAY, "09:00", "22:00"),
        ("BG", (240, 150, 40)),
        phone="028-8888-1008",
    ),
    partner(
        "morning-light-bakery",
        "cafe",
        T("晨光面包房", "Morning Light Bakery", "아침빛 베이커리"),
        T(
            "每天早上七点出炉的欧式面包和法棍。",
            "European-style loaves and baguettes, fresh from the oven at seven every morning.",
            "매일 아침 7시에 갓 구운 유럽식 빵과 바게트.",
        ),
        rich(
            T(
                "面包师在法国学过手艺，周日早上教孩子们做面包。",
                "The baker trained in France and teaches children to bake on Sunday mornings.",
                "제빵사는 프랑스에서 배웠고, 일요일 아침에는 아이들에게 빵 만들기를 가르칩니다.",
            )
        ),
        bullets(
            T("晚上八点后面包半价", "Half-price bread after 8 pm", "저녁 8시 이후 빵 반값"),
        ),
        T(
            "BLOCK街区3栋108号",
            "Unit 108, Building 3, BLOCK street district",
            "BLOCK 거리 3동 108호",
        ),
        "30.806300",
        "103.890100",
        ["zh", "en", "fr"],
        hours(EVERY_DAY, "07:00", "21:00"),
        ("ML", (230, 180, 60)),
        phone="028-8888-1009",
    ),
    partner(
        "yilin-social-work",
        "social",
        T("益邻社会工作服务中心", "Yilin Social Work Centre", "이린 사회복지센터"),
        T(
            "专业社工机构，负责国际友邻服务中心的日常运营。",
            "A professional social-work organisation that runs the International Neighbour Service Centre day to day.",
            "국제이웃서비스센터의 일상 운영을 맡은 전문 사회복지 기관입니다.",
        ),
        rich(
            T(
                "社工为新来的家庭做入户走访，也负责志愿者认证。",
                "Its social workers visit newly arrived families at home and handle volunteer certification.",
                "사회복지사가 새로 온 가정을 방문하고 자원봉사자 인증도 담당합니다.",
            )
        ),
        bullets(
            T("免费家庭咨询", "Free family counselling", "무료 가족 상담"),
        ),
        CENTRE_ADDRESS,
        "30.808120",
        "103.891530",
        ["zh", "en"],
        CENTRE_HOURS,
        ("YL", (46, 133, 90)),
        phone="028-8888-1010",
    ),
    partner(
        "gege-house",
        "social",
        T("格格屋", "Gege House", "거거 하우스"),
        T(
            "南山社区600平方米的共享空间：阅读吧、青年创新区、儿童区和棋艺室。",
            "A 600 m² shared space in Nanshan community: reading bar, youth innovation area, children's area and chess room.",
            "난산 커뮤니티의 600㎡ 공유 공간: 독서 바, 청년 창업 공간, 어린이 공간, 바둑·장기실.",
        ),
        rich(
            T(
                "格格屋由居民共同管理，是YAM志愿者团队的活动基地。",
                "Gege House is run by residents together and is the base of the YAM volunteer team.",
                "거거 하우스는 주민이 함께 운영하며 YAM 자원봉사단의 활동 거점입니다.",
            )
        ),
        bullets(
            T(
                "共享书角随借随还",
                "Borrow and return at the shared book corner any time",
                "공유 책 코너에서 자유롭게 대출과 반납",
            ),
        ),
        T(
            "天府新区南山社区格格屋",
            "Gege House, Nanshan community, Tianfu New Area",
            "톈푸신구 난산 커뮤니티 거거 하우스",
        ),
        "30.420600",
        "104.067800",
        ["zh", "en"],
        hours((1, 2, 3, 4, 5, 6), "09:00", "21:00"),
        ("GG", (170, 80, 150)),
        wechat_id="gegehouse",
    ),
    partner(
        "exit-entry-service-hall",
        "public",
        T("出入境接待大厅", "Pidu Exit-Entry Service Hall", "피두구 출입국 민원실"),
        T(
            "公安分局出入境大厅，办理签证延期和居留许可。",
            "The police exit-entry hall for visa extensions and residence permits.",
            "공안 분국의 출입국 민원실로, 비자 연장과 거류 허가를 처리합니다.",
        ),
        rich(
            T(
                "窗口有英语服务，复杂问题可以拨打12367。",
                "English is spoken at the counters; for complicated questions call 12367.",
                "창구에서 영어가 가능하며, 복잡한 문의는 12367로 전화하세요.",
            )
        ),
        bullets(
            T(
                "提前在网上预约可以少排队",
                "Booking online first shortens the queue",
                "온라인으로 미리 예약하면 대기가 짧아집니다",
            ),
        ),
        T(
            "郫都区望丛中路公安分局一楼",
            "Ground floor, Pidu Police Bureau, Wangcong Middle Road",
            "피두구 왕충중로 공안분국 1층",
        ),
        "30.801900",
        "103.884000",
        ["zh", "en"],
        OFFICE_HOURS,
        ("EE", (20, 60, 120)),
        phone="12367",
        website="https://s.nia.gov.cn/",
    ),
    partner(
        "dasom-korean-school",
        "school",
        T("多颂韩语学堂", "Dasom Korean School", "다솜 한국어학당"),
        T(
            "教中国邻居韩语、教韩国孩子中文的语言学校。",
            "A language school teaching Korean to Chinese neighbours and Chinese to Korean children.",
            "중국 이웃에게 한국어를, 한국 아이들에게 중국어를 가르치는 어학원입니다.",
        ),
        rich(
            T(
                "周末有中韩语言交换角，欢迎所有人参加。",
                "A Chinese–Korean language exchange meets at weekends, open to everyone.",
                "주말에는 중국어–한국어 언어 교환 모임이 열리며 누구나 참여할 수 있습니다.",
            )
        ),
        bullets(
            T("第一节课免费试听", "Your first lesson is free", "첫 수업 무료 체험"),
        ),
        T(
            "BLOCK街区6栋201号",
            "Unit 201, Building 6, BLOCK street district",
            "BLOCK 거리 6동 201호",
        ),
        "30.806800",
        "103.890700",
        ["ko", "zh"],
        hours((1, 2, 3, 4, 5), "14:00", "21:00") + hours((5, 6), "09:00", "17:00"),
        ("다솜", (240, 110, 140)),
        phone="028-8888-1013",
    ),
]


def draw_logo(text, colour, size=256):
    """A round badge with the partner's initials, as PNG bytes."""
    from PIL import Image, ImageDraw, ImageFont

    picture = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    draw.ellipse([8, 8, size - 8, size - 8], fill=colour)
    if not text.isascii():  # the bundled font has no Hangul: use a plain mark instead
        draw.ellipse([size * 0.32, size * 0.32, size * 0.68, size * 0.68], fill=(255, 255, 255))
    else:
        font = ImageFont.load_default(size=int(size * 0.8 / max(len(text), 2)))
        draw.text((size / 2, size / 2), text, fill=(255, 255, 255), font=font, anchor="mm")
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def logo(demo, name, text, colour):
    from wagtail.images.models import Image

    title = f"Demo logo: {name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = draw_logo(text, colour)
    digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()[:8]
    image = Image(title=title, file=ImageFile(io.BytesIO(data), name=f"logo-{digest}.png"))
    image.save()
    demo.say(f"drew     {title}")
    return image


def partners(demo):
    parent = index(PartnerIndexPage)
    for item in PARTNERS:
        text, colour = item["logo"]
        demo.page(
            parent,
            PartnerPage,
            item["slug"],
            title=item["title"],
            partner_type=item["kind"],
            summary=item["summary"],
            description=item["description"],
            offers=item["offers"],
            logo=logo(demo, item["title"].en, text, colour),
            languages=item["languages"],
            address=item["address"],
            latitude=item["lat"],
            longitude=item["lng"],
            opening_hours=rows(PartnerOpeningHours, item["weekly"]),
            website=item.get("website", ""),
            phone=item.get("phone", ""),
            wechat_id=item.get("wechat_id", ""),
        )


STEPS = [
    ("Directory: service categories", categories),
    ("Directory: index pages", index_pages),
    ("Directory: public spaces", spaces),
    ("Directory: service guides", services),
    ("Directory: partners", partners),
]
