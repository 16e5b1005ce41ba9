"""Synthetic Ethnic-Affairs reports at any size, deterministic from a seed.

Why: the scale benchmark needs 100k realistic articles on a machine with no network and without
committing anyone's text.  Every article is assembled from templates written for this file (never
copied from the dev/seed articles) with independent random choices, so article ``i`` depends only on
``(seed, i)``: corpora can be generated in parallel, streamed, or extended, and a 1k corpus is the
first 1k articles of the 100k one.

Usage:  python -m benchmarks.generate OUT_DIR --count 100000 [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "TP. Hồ Chí Minh",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)
# Old-style tone placement some portals still print; the pipeline must treat both the same.
OLD_TONES = {"Hòa": "Hoà", "Khánh Hòa": "Khánh Hoà", "Thanh Hóa": "Thanh Hoá", "Thủy": "Thuỷ", "Hòa Bình": "Hoà Bình"}
DISTRICTS = (
    "Mường Khương", "Bảo Lạc", "Đồng Văn", "Mèo Vạc", "Tủa Chùa", "Quỳnh Nhai", "Krông Pa", "Ea Súp", "Tri Tôn",
    "Trà Cú", "Cầu Kè", "Na Rì", "Pác Nặm", "Văn Chấn", "Lâm Bình", "Kỳ Sơn", "Quế Phong", "Nam Trà My",
    "Đăk Glei", "Sa Thầy", "Bác Ái", "Tuần Giáo", "Mường Tè", "Sìn Hồ", "Bình Liêu", "Hướng Hóa", "Minh Hóa",
    "Tây Giang", "Lạc Dương", "Đam Rông", "Vĩnh Châu", "Hòn Đất",
)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Lương", "Tô", "Trịnh", "Chu", "Mai", "Hà", "Triệu", "Nông", "Ma")
MIDDLE_M = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công", "Thanh", "Ngọc", "Tiến", "Đình", "Trọng", "Anh")
MIDDLE_F = ("Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Kim", "Minh", "Thúy", "Bích")
GIVEN_M = ("Hùng", "Dũng", "Tuấn", "Thắng", "Sơn", "Hải", "Long", "Cường", "Bình", "Phong", "Khải", "Lâm", "Toàn",
           "Hiếu", "Quyết", "Thành", "Vĩnh", "Đạt", "Nghĩa", "Kiên", "Tùng", "Hòa", "Lực", "Chiến", "Thái", "Trung")
GIVEN_F = ("Lan", "Hương", "Hạnh", "Mai", "Nga", "Thủy", "Hà", "Yến", "Loan", "Phượng", "Dung", "Huyền", "Trang",
           "Vân", "Oanh", "Nhung", "Hiền")
# Ethnic-minority naming patterns: Thái, Mông, Dao, Khmer, Jrai/Ê Đê/Ba Na, Mường, Tày.
THAI_SUR = ("Lò", "Lường", "Cầm", "Quàng", "Tòng", "Vì", "Hà")
MONG_SUR = ("Giàng", "Sùng", "Vàng", "Thào", "Lầu", "Mùa", "Hờ", "Sình", "Lý")
MONG_MID = ("A", "Seo", "Mí", "Chứ", "Văn")
MONG_GIVEN = ("Páo", "Dính", "Chư", "Sử", "Lử", "Súa", "Tủa", "Pó", "Chía", "Dế", "Cở")
HIGHLAND = ("Ksor", "Rơ Châm", "Siu", "Rmah", "Nay", "Kpă", "Đinh", "Y", "H'", "A Ma")
HIGHLAND_GIVEN = ("Kim", "Thuih", "Blơng", "Hương", "Dơk", "Phai", "Nhí", "Khánh", "Bin", "Sang", "Hồng")
KHMER_SUR = ("Thạch", "Sơn", "Kim", "Danh", "Lâm", "Châu", "Trầm")
KHMER_GIVEN = ("Sà Rết", "Phước", "Sa Vi", "Thị Sa Rương", "Ngọc Dung", "Sóc Kha", "Chanh Đa", "Văn Thươl")

# (title as written, body phrase after it); "{p}" is the province name.
TITLES = (
    ("Trưởng Ban Dân tộc tỉnh", ""), ("Phó Trưởng Ban Dân tộc tỉnh", ""), ("Trưởng Ban Dân tộc tỉnh {p}", ""),
    ("Phó Chủ tịch UBND tỉnh {p}", ""), ("Chủ tịch UBND tỉnh", ""), ("Phó Chủ tịch Ủy ban nhân dân tỉnh", ""),
    ("Phó Chủ tịch Thường trực HĐND tỉnh", ""), ("Chủ tịch HĐND tỉnh {p}", ""),
    ("Phó Bí thư Thường trực Tỉnh ủy", ""), ("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy", ""),
    ("Trưởng ban Dân tộc HĐND tỉnh", ""), ("Giám đốc Sở Tài chính", ""), ("Giám đốc Sở Kế hoạch và Đầu tư", ""),
    ("Phó Giám đốc Sở Lao động - Thương binh và Xã hội", ""), ("Chánh Văn phòng Ban Dân tộc", ""),
    ("Trưởng phòng Chính sách Dân tộc", ""), ("Trưởng Phòng Dân tộc huyện {d}", ""),
    ("Chủ tịch UBND huyện {d}", ""), ("Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc", ""),
    ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", ""), ("Vụ trưởng Vụ Địa phương I, Ủy ban Dân tộc", ""),
    ("Phó Chủ tịch Hội đồng Dân tộc của Quốc hội", ""), ("Đại biểu Quốc hội tỉnh {p}", ""),
    ("Trưởng Ban Dân tộc", ""), ("Phó Trưởng ban", ""),
)
PREFIX = ("Ông", "ông", "Đồng chí", "đồng chí", "Bà", "bà")

DOC_KINDS = (
    # (kind word, number template)  {n} number, {y} year, {c} province code
    ("Nghị quyết", "{n}/{y}/QH14"), ("Nghị quyết", "{n}/NQ-CP"), ("Nghị quyết", "{n}/{y}/NQ-HĐND"),
    ("Quyết định", "{n}/QĐ-TTg"), ("Quyết định", "{n}/QĐ-UBND"), ("Quyết định", "{n}/QĐ-UBDT"),
    ("Quyết định", "{n}/{y}/QĐ-TTg"), ("Kế hoạch", "{n}/KH-BDT"), ("Kế hoạch", "{n}/KH-UBND"),
    ("Chỉ thị", "{n}-CT/TU"), ("Chỉ thị", "{n}/CT-TTg"), ("Thông tư", "{n:02d}/{y}/TT-UBDT"),
    ("Thông tư", "{n:02d}/{y}/TT-BTC"), ("Nghị định", "{n}/{y}/NĐ-CP"), ("Công văn", "{n}/BDT-CSDT"),
    ("Kết luận", "{n}-KL/TW"), ("Nghị quyết", "{n}-NQ/TU"), ("Hướng dẫn", "{n}/HD-BDT"),
)
SUBJECTS = (
    "phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2030",
    "phê duyệt Đề án tổng thể phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "về công tác dân tộc trong tình hình mới", "quy định chế độ, chính sách đối với người có uy tín",
    "phê duyệt danh sách thôn đặc biệt khó khăn vùng đồng bào dân tộc thiểu số và miền núi",
    "về việc thực hiện chính sách hỗ trợ đất ở, nhà ở, nước sinh hoạt",
    "hướng dẫn thực hiện Dự án 1 thuộc Chương trình mục tiêu quốc gia",
    "về tăng cường công tác tuyên truyền, phổ biến giáo dục pháp luật vùng dân tộc thiểu số",
)
PROGRAMMES = (
    "Chương trình 135", "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "CTMTQG giảm nghèo bền vững", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Chương trình 30a",
    "Chính sách hỗ trợ người có uy tín", "Đề án hỗ trợ phát triển kinh tế - xã hội các dân tộc rất ít người",
    "Chương trình MTQG 1719",
)
EVENTS = (
    "Hội nghị sơ kết công tác dân tộc 6 tháng đầu năm {y}", "Hội nghị tổng kết công tác dân tộc năm {y}",
    "Hội nghị giao ban công tác dân tộc quý {q} năm {y}", "Đại hội đại biểu các dân tộc thiểu số tỉnh {p} lần thứ {r}",
    "Hội nghị biểu dương người có uy tín tiêu biểu năm {y}", "Hội nghị tổng kết 10 năm thực hiện Chương trình 135",
    "Hội thảo nâng cao hiệu quả thực hiện chính sách dân tộc", "Lễ kỷ niệm 75 năm Ngày thành lập cơ quan công tác dân tộc",
    "Hội nghị tập huấn nghiệp vụ công tác dân tộc năm {y}", "Hội nghị sơ kết 3 năm thực hiện Chương trình MTQG 1719",
)
ORGANISERS = ("Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh {p}", "UBND tỉnh {p}", "Ủy ban Dân tộc", "Ban Dân tộc",
              "Ban Chỉ đạo các Chương trình MTQG tỉnh", "Phòng Dân tộc huyện {d}", "Tỉnh ủy {p}")
INDICATORS = (
    ("tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số giảm còn", "%"), ("tỷ lệ hộ cận nghèo còn", "%"),
    ("tổng vốn đầu tư thực hiện Chương trình là", "tỷ đồng"), ("ngân sách Trung ương hỗ trợ", "tỷ đồng"),
    ("đã giải ngân", "triệu đồng"), ("đã hỗ trợ làm nhà ở cho", "hộ"), ("đầu tư xây dựng", "công trình"),
    ("toàn tỉnh có", "người có uy tín"), ("tỷ lệ giải ngân đạt", "%"), ("hỗ trợ nước sinh hoạt phân tán cho", "hộ"),
    ("đào tạo nghề cho", "lao động"), ("cấp", "thẻ bảo hiểm y tế"), ("bê tông hóa", "km đường giao thông nông thôn"),
)
MENU = ("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Chính sách dân tộc", "Văn bản pháp luật", "Thủ tục hành chính",
        "Hỏi đáp", "Liên hệ", "Sơ đồ cổng", "Thư viện ảnh", "Công khai ngân sách", "Tin hoạt động", "Dân tộc - Tôn giáo")
SECTIONS = ("Tin hoạt động", "Tin tức - Sự kiện", "Hoạt động của Ban", "Tin địa phương", "Chính sách dân tộc")
FOOTERS = (
    "Cơ quan chủ quản: Ban Dân tộc tỉnh {p}\nĐịa chỉ: số {n} đường {s}, thành phố {p}\nĐiện thoại: 0{a} {b}",
    "© Bản quyền thuộc Ban Dân tộc tỉnh {p}. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.",
    "Chịu trách nhiệm chính: {name} - Trưởng Ban\nGiấy phép số {n}/GP-TTĐT do Sở Thông tin và Truyền thông cấp",
)
STREETS = ("Trần Hưng Đạo", "Lê Lợi", "Hùng Vương", "Nguyễn Huệ", "Quang Trung", "Hai Bà Trưng", "Lý Thường Kiệt")
OPENINGS = (
    "Nhằm đánh giá kết quả thực hiện công tác dân tộc và các chính sách dân tộc trên địa bàn, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh,",
    "Thực hiện chương trình công tác năm {y},",
    "Để triển khai hiệu quả các nhiệm vụ trọng tâm trong thời gian tới,",
    "Theo kế hoạch đã đề ra,",
    "Trong không khí phấn khởi của cả nước hướng tới kỷ niệm các ngày lễ lớn,",
)
FILLERS = (
    "Đại biểu các sở, ngành đã thảo luận, làm rõ những tồn tại, hạn chế và đề xuất giải pháp khắc phục.",
    "Công tác tuyên truyền chủ trương của Đảng, chính sách, pháp luật của Nhà nước được triển khai thường xuyên.",
    "Đời sống vật chất và tinh thần của đồng bào dân tộc thiểu số từng bước được cải thiện.",
    "Một số địa phương còn chậm trễ trong việc lập hồ sơ, thủ tục thanh quyết toán.",
    "Hội nghị đã nghe báo cáo tham luận của các huyện và một số xã đặc biệt khó khăn.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội vùng đồng bào dân tộc thiểu số cơ bản ổn định.",
    "Các đại biểu thống nhất cao với dự thảo báo cáo và phương hướng nhiệm vụ thời gian tới.",
    "Nhiều mô hình sinh kế hiệu quả đã được nhân rộng, góp phần nâng cao thu nhập cho người dân.",
    "Việc lồng ghép các nguồn vốn còn gặp khó khăn do hướng dẫn của các bộ, ngành chưa đồng bộ.",
    "Người có uy tín tiếp tục phát huy vai trò cầu nối giữa cấp ủy, chính quyền với đồng bào.",
)
DIRECTIVES = (
    "đề nghị các sở, ngành và UBND các huyện tiếp tục quan tâm chỉ đạo, đẩy nhanh tiến độ giải ngân vốn",
    "yêu cầu các đơn vị rà soát, đánh giá đúng thực trạng và đề xuất giải pháp sát với thực tiễn",
    "nhấn mạnh cần tăng cường kiểm tra, giám sát việc thực hiện chính sách dân tộc ở cơ sở",
    "đề nghị Ban Dân tộc phối hợp chặt chẽ với các địa phương trong việc tổng hợp số liệu",
)
AWARDS = ("Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Trưởng Ban Dân tộc", "Bằng khen của Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc",
          "Kỷ niệm chương Vì sự nghiệp phát triển các dân tộc")
OTHER_NEWS = (
    "Thăm, tặng quà người có uy tín nhân dịp Tết Nguyên đán", "Kiểm tra tiến độ thực hiện Dự án 2 tại huyện {d}",
    "Tập huấn nâng cao năng lực cho cán bộ làm công tác dân tộc", "Giám sát việc thực hiện chính sách tại xã vùng III",
    "Hội thi tìm hiểu pháp luật dành cho đồng bào dân tộc thiểu số", "Tọa đàm về bảo tồn văn hóa truyền thống",
    "Đoàn công tác Ủy ban Dân tộc làm việc tại tỉnh {p}", "Triển khai kế hoạch điều tra thu thập thông tin 53 dân tộc",
)


def _person(r: random.Random) -> str:
    """A full name: Kinh (surname + middle + given) most often, else an ethnic-minority pattern."""
    x = r.random()
    if x < 0.62:
        if r.random() < 0.7:
            name = f"{r.choice(SURNAMES)} {r.choice(MIDDLE_M)} {r.choice(GIVEN_M)}"
        else:
            name = f"{r.choice(SURNAMES)} {r.choice(MIDDLE_F)} {r.choice(GIVEN_F)}"
    elif x < 0.72:
        name = f"{r.choice(THAI_SUR)} {r.choice(('Văn', 'Thị'))} {r.choice(GIVEN_M + GIVEN_F)}"
    elif x < 0.82:
        name = f"{r.choice(MONG_SUR)} {r.choice(MONG_MID)} {r.choice(MONG_GIVEN)}"
    elif x < 0.91:
        sur = r.choice(HIGHLAND)
        name = f"{sur}{r.choice(HIGHLAND_GIVEN)}" if sur == "H'" else f"{sur} {r.choice(HIGHLAND_GIVEN)}"
    else:
        name = f"{r.choice(KHMER_SUR)} {r.choice(KHMER_GIVEN)}"
    if r.random() < 0.15:  # old-style tones (Hoà, Thuỷ) as some portals print them
        for new, old in OLD_TONES.items():
            name = name.replace(new, old)
    return name


def _date(r: random.Random, y: int, m: int | None = None, d: int | None = None) -> str:
    """A date in one of the forms reports use, with or without the leading 'ngày'."""
    m = m or r.randint(1, 12)
    d = d or r.randint(1, 28)
    form = r.randrange(7)
    if form == 0:
        return f"ngày {d}/{m}/{y}"
    if form == 1:
        return f"ngày {d:02d}/{m:02d}/{y}"
    if form == 2:
        return f"ngày {d} tháng {m} năm {y}"
    if form == 3:
        return f"ngày {d}-{m}-{y}"
    if form == 4:
        return f"ngày {d}.{m}.{y}"
    if form == 5:
        return f"{d}/{m}/{y}"
    return f"ngày {d:02d} tháng {m:02d} năm {y}"


def _doc(r: random.Random, y: int) -> str:
    kind, tmpl = r.choice(DOC_KINDS)
    dy = r.randint(max(2008, y - 8), y)
    number = tmpl.format(n=r.randint(1, 2999) if "{n}" in tmpl else r.randint(1, 40), y=dy)
    shape = r.randrange(5)
    date = _date(r, dy)
    subject = r.choice(SUBJECTS)
    if shape == 0:
        return f"{kind} số {number} {date} của {r.choice(('Thủ tướng Chính phủ', 'UBND tỉnh', 'Quốc hội', 'Ủy ban Dân tộc', 'HĐND tỉnh'))} {subject}"
    if shape == 1:
        return f"{kind} {number} {subject}"
    if shape == 2:
        return f"{kind} số {number}"
    if shape == 3:
        return f"{kind} số {number} ({date}) {subject}"
    return f"{kind} {number} {date}"


def _fill(r: random.Random, s: str, p: str, d: str, y: int) -> str:
    return s.replace("{p}", p).replace("{d}", d).replace("{y}", str(y)).replace("{q}", r.choice(("I", "II", "III", "IV"))) \
        .replace("{r}", r.choice(("III", "IV", "V")))


def _title(r: random.Random, p: str, d: str) -> str:
    return _fill(r, r.choice(TITLES)[0], p, d, 0)


def _official_phrase(r: random.Random, p: str, d: str) -> str:
    """Name and title in one of the word orders reports use."""
    name, title = _person(r), _title(r, p, d)
    form = r.randrange(5)
    if form == 0:
        return f"{r.choice(PREFIX)} {name}, {title}"
    if form == 1:
        return f"{title} {name}"
    if form == 2:
        return f"{r.choice(PREFIX[:4])} {name} - {title}"
    if form == 3:
        return f"{r.choice(PREFIX)} {name} ({title})"
    return f"{r.choice(('đồng chí', 'ông', 'bà'))} {name}, {title}"


def _figure(r: random.Random) -> str:
    text, unit = r.choice(INDICATORS)
    if unit == "%":
        value = f"{r.randint(1, 60)},{r.randint(0, 99):02d}%"
    elif unit in ("tỷ đồng", "triệu đồng"):
        value = f"{r.randint(1, 980)},{r.randint(1, 9)} {unit}" if r.random() < 0.5 else f"{r.randint(1, 9)}.{r.randint(100, 999)} {unit}"
    else:
        value = f"{r.randint(2, 9)}.{r.randint(100, 999)} {unit}" if r.random() < 0.4 else f"{r.randint(3, 950)} {unit}"
    return f"{text} {value}"


def article(seed: int, i: int) -> tuple[str, str]:
    """Article ``i`` of corpus ``seed``: (file stem, NFC text).  Depends on nothing else."""
    r = random.Random(seed * 1_000_003 + i)
    p = r.choice(PROVINCES)
    if p in OLD_TONES and r.random() < 0.3:
        p = OLD_TONES[p]
    d = r.choice(DISTRICTS)
    y = r.randint(2012, 2025)
    m, day = r.randint(1, 12), r.randint(1, 28)
    out: list[str] = []
    # portal chrome above the article
    if r.random() < 0.8:
        out.append(" | ".join(r.sample(MENU, r.randint(4, 9))))
        out.append(f"BAN DÂN TỘC TỈNH {p.upper()}" if r.random() < 0.5 else f"Cổng thông tin điện tử Ban Dân tộc tỉnh {p}")
        out.append("")
    out.append(r.choice(SECTIONS))
    ev = _fill(r, r.choice(EVENTS), p, d, y)
    org = _fill(r, r.choice(ORGANISERS), p, d, y)
    headline = r.choice((f"{org} tổ chức {ev}", ev, f"{ev} tại huyện {d}", f"Kết quả thực hiện {r.choice(PROGRAMMES)} năm {y}"))
    out.append(headline.upper() if r.random() < 0.35 else headline)
    if r.random() < 0.7:
        out.append(f"{r.choice(('Cập nhật', 'Ngày đăng', 'Đăng ngày'))}: {day:02d}/{m:02d}/{y} {r.randint(7, 17):02d}:{r.randint(0, 59):02d}")
    out.append("")
    # lead
    off = _official_phrase(r, p, d)
    lead = (f"{_date(r, y, m, day).capitalize()}, {org} tổ chức {ev}. " if r.random() < 0.6
            else f"{_fill(r, r.choice(OPENINGS), p, d, y)} {_date(r, y, m, day)}, tại {r.choice(('Hội trường UBND tỉnh', 'trụ sở Ban Dân tộc', 'thành phố ' + p, 'huyện ' + d))}, {org} đã tổ chức {ev}. ")
    lead += f"{off[0].upper()}{off[1:]} chủ trì Hội nghị."
    out.append(lead)
    # attendees, possibly a list sharing one title
    if r.random() < 0.5:
        names = [_person(r) for _ in range(r.randint(2, 3))]
        out.append(f"Tham dự có các đồng chí {', '.join(names[:-1])} và {names[-1]}, {r.choice(('Phó Trưởng Ban Dân tộc tỉnh', 'Phó Chủ tịch UBND tỉnh', 'Ủy viên Ban Thường vụ Tỉnh ủy'))}; "
                   f"{_official_phrase(r, p, d)} cùng đại diện lãnh đạo các sở, ngành, UBND các huyện, thành phố.")
    else:
        out.append(f"Dự Hội nghị có {_official_phrase(r, p, d)}; {_official_phrase(r, p, d)} và đại diện các sở, ban, ngành.")
    # body paragraphs: documents, programmes, figures, fillers
    for _ in range(r.randint(3, 6)):
        kind = r.randrange(5)
        if kind == 0:
            para = (f"Thực hiện {_doc(r, y)}, {r.choice(('Ban Dân tộc', 'UBND tỉnh', 'các địa phương'))} đã ban hành "
                    f"{_doc(r, y)} để triển khai {r.choice(PROGRAMMES)} trên địa bàn tỉnh.")
        elif kind == 1:
            prog = r.choice(PROGRAMMES)
            para = (f"Năm {y}, tổng kinh phí thực hiện {prog} trên địa bàn tỉnh là {r.randint(20, 900)},{r.randint(1, 9)} tỷ đồng; "
                    f"{_figure(r)}, {_figure(r)}.")
        elif kind == 2:
            para = f"Theo báo cáo, đến hết {r.choice(('năm', 'tháng 6 năm', 'quý III năm'))} {y}, {_figure(r)}; {_figure(r)}. {r.choice(FILLERS)}"
        elif kind == 3:
            para = " ".join(r.sample(FILLERS, r.randint(2, 4)))
        else:
            para = (f"Phát biểu tại Hội nghị, {_official_phrase(r, p, d)} {r.choice(DIRECTIVES)}. "
                    f"{r.choice(FILLERS)}")
        out.append(para)
    if r.random() < 0.5:
        out.append(f"Dịp này, {r.randint(2, 12)} tập thể và {r.randint(3, 30)} cá nhân có thành tích xuất sắc được nhận {r.choice(AWARDS)}.")
    if r.random() < 0.4:
        out.append(f"Trước đó, {_date(r, y)}, {_official_phrase(r, p, d)} đã ký {_doc(r, y)}.")
    # byline
    by = _person(r)
    out.append(r.choice((by, f"Tin, ảnh: {by}", f"{by} - Ban Dân tộc", f"({by})", f"Tác giả: {by}")))
    # portal chrome below
    if r.random() < 0.7:
        out.append("")
        out.append(r.choice(("Tin khác", "Các tin khác", "TIN LIÊN QUAN")))
        for t in r.sample(OTHER_NEWS, r.randint(3, 6)):
            out.append(f"- {_fill(r, t, p, d, y)} ({r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{y})")
    if r.random() < 0.6:
        out.append(f"Lượt truy cập: {r.randint(10_000, 9_999_999):,}".replace(",", ".") + f"  Đang truy cập: {r.randint(1, 300)}")
    if r.random() < 0.8:
        f = r.choice(FOOTERS)
        out.append(f.format(p=p, n=r.randint(1, 300), s=r.choice(STREETS), a=r.randint(200, 299),
                            b=f"{r.randint(100, 999)} {r.randint(100, 999)}", name=_person(r)))
    text = unicodedata.normalize("NFC", "\n".join(out) + "\n")
    return f"gen{seed}_{i:06d}", text


def articles(count: int, seed: int = 7, start: int = 0) -> Iterator[tuple[str, str]]:
    """Stream (stem, text) for articles ``start .. start+count-1``."""
    for i in range(start, start + count):
        yield article(seed, i)


def write_corpus(out: Path, count: int, seed: int = 7, start: int = 0) -> list[Path]:
    """Write ``count`` articles as UTF-8 .txt files into ``out`` (created) and return their paths."""
    out.mkdir(parents=True, exist_ok=True)

    paths = []
    for stem, text in articles(count, seed, start):
        path = out / f"{stem}.txt"
        with open(path, "wb") as f:
            f.write(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write .txt files into")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--start", type=int, default=0, help="index of the first article (to extend a corpus)")
    a = ap.parse_args(argv)
    t = time.perf_counter()
    write_corpus(a.out, a.count, a.seed, a.start)
    dt = time.perf_counter() - t
    print(f"{a.count} articles in {dt:.1f} s ({a.count / dt:.0f}/s) -> {a.out} (pid {os.getpid()})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
