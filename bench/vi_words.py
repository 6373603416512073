"""Vietnamese words, names and sentence templates of a district portal in Sóc Trăng.

The text is written for Huyện Kế Sách: its thirteen communes and towns, the districts of
Sóc Trăng province, local organisations, Kinh and Khmer names, and the phrases of
local-government news. `{slot}` in a string is filled by bench.corpus: a slot names a
list in this module's GRAMMAR (one entry is picked, its own slots filled in turn), or one
of the generated values (dates, numbers, people, document numbers) listed in corpus.py.

CATEGORY_TOPICS[i] adds phrases to the shared lists for the i-th category of
CATEGORIES (the demo portal's news categories, in eportal.demo.content's order).
"""

DISTRICT = "Kế Sách"
PROVINCE = "Sóc Trăng"

COMMUNES = [
    "thị trấn Kế Sách", "thị trấn An Lạc Thôn", "xã An Lạc Tây", "xã An Mỹ", "xã Ba Trinh",
    "xã Đại Hải", "xã Kế An", "xã Kế Thành", "xã Nhơn Mỹ", "xã Phong Nẫm", "xã Thới An Hội",
    "xã Trinh Phú", "xã Xuân Hòa",
]

HAMLETS = [
    "ấp An Định", "ấp An Phú", "ấp An Khương", "ấp An Thạnh", "ấp Xóm Đồng", "ấp Mang Cá",
    "ấp Ba Rinh", "ấp Kinh Đào", "ấp Phú Hòa", "ấp Hòa Lời", "ấp Trường Lộc", "ấp Đại Ân",
    "ấp Thới Hòa", "ấp Mỹ Hòa", "ấp Nhơn Hòa", "ấp Nhơn Lộc", "ấp Kinh Ngay", "ấp Phú Thành",
    "ấp Ninh Thới", "ấp Phước Hòa", "ấp Kinh Giữa", "ấp Bà Xẩm", "ấp 1", "ấp 3", "ấp 5",
    "ấp An Hòa", "ấp Xuân Thới", "ấp Trinh Hòa",
]

OTHER_LOCALITIES = [
    "thành phố Sóc Trăng", "thị xã Vĩnh Châu", "thị xã Ngã Năm", "huyện Long Phú",
    "huyện Cù Lao Dung", "huyện Mỹ Tú", "huyện Châu Thành", "huyện Thạnh Trị",
    "huyện Mỹ Xuyên", "huyện Trần Đề",
]

SURNAMES = [
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Huỳnh", "Huỳnh",
    "Hoàng", "Võ", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Lâm",
    "Lý", "Tạ", "Châu", "Đoàn", "Thái", "Quách", "Tô", "Mai", "La",
]
MIDDLE_NAMES_MALE = ["Văn", "Văn", "Văn", "Minh", "Thanh", "Hoàng", "Quốc", "Hữu", "Công", "Ngọc", "Đức",
                     "Tấn", "Phước", "Thành", "Trung", "Hồng", "Chí"]
MIDDLE_NAMES_FEMALE = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Mỹ", "Thu", "Hồng", "Bích", "Diễm"]
GIVEN_NAMES_MALE = [
    "Hùng", "Dũng", "Tuấn", "Phong", "Hải", "Nam", "Sơn", "Tài", "Lợi", "Nhựt", "Phúc", "Bình",
    "Cường", "Khánh", "Thắng", "Tâm", "Trí", "Hiếu", "Vũ", "Toàn", "Đạt", "Quang", "Nghĩa",
    "Thuận", "Hậu", "Đông", "Kiệt", "Lộc", "Trọng", "Triều", "Em", "Út", "Chiến", "Thông",
]
GIVEN_NAMES_FEMALE = [
    "Lan", "Hoa", "Hạnh", "Hương", "Thảo", "Nhung", "Trang", "Yến", "Loan", "Phượng", "Diễm",
    "Ngân", "Tuyết", "Thủy", "Xuân", "Mai", "Hằng", "Vân", "Linh", "Quyên", "Nhàn", "Đào",
]
# Khmer names as Sóc Trăng writes them in Vietnamese.
KHMER_NAMES = [
    "Thạch Sô Phol", "Sơn Thị Sa Ly", "Kim Sóc Khanh", "Lâm Thị Sô Phanh", "Danh Sà Rinh",
    "Thạch Thị Mỹ Hạnh", "Sơn Văn Chanh", "Thạch Ngọc Sang", "Lý Thị Sà Quênh", "Trần Thị Sa Rương",
    "Thạch Chanh Đa", "Sơn Thị Kim Liên", "Kim Thị Sa Vênh", "Lâm Sà Phia",
]

# Positions of people named in articles ("đồng chí X, <position>").
POSITIONS = [
    "Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy Kế Sách", "Bí thư Huyện ủy",
    "Phó Bí thư Thường trực Huyện ủy", "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện",
    "Chủ tịch Ủy ban nhân dân huyện", "Phó Chủ tịch Ủy ban nhân dân huyện",
    "Chủ tịch Hội đồng nhân dân huyện", "Phó Chủ tịch Thường trực HĐND huyện",
    "Trưởng Ban Tuyên giáo Huyện ủy", "Trưởng Ban Dân vận Huyện ủy", "Trưởng Ban Tổ chức Huyện ủy",
    "Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", "Chủ tịch Ủy ban MTTQ Việt Nam huyện",
    "Trưởng phòng Nông nghiệp và Phát triển nông thôn huyện", "Trưởng Công an huyện",
    "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện", "Giám đốc Trung tâm Y tế huyện",
    "Trưởng phòng Tư pháp huyện", "Chánh Văn phòng HĐND và UBND huyện",
    "Phó Chủ tịch UBND tỉnh Sóc Trăng", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Sóc Trăng",
    "Đại biểu Quốc hội tỉnh Sóc Trăng", "Bí thư Đảng ủy {commune}", "Chủ tịch UBND {commune}",
    "Phó Chủ tịch UBND {commune}", "Chủ tịch Hội Nông dân huyện", "Bí thư Huyện đoàn",
    "Chủ tịch Hội Liên hiệp Phụ nữ huyện",
]

DISTRICT_ORGS = [
    "Ủy ban nhân dân huyện Kế Sách", "UBND huyện", "Ban Thường vụ Huyện ủy Kế Sách", "Huyện ủy Kế Sách",
    "Thường trực Hội đồng nhân dân huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Kế Sách",
    "Hội Nông dân huyện", "Hội Liên hiệp Phụ nữ huyện", "Huyện đoàn Kế Sách", "Hội Cựu chiến binh huyện",
    "Liên đoàn Lao động huyện", "Phòng Văn hóa và Thông tin huyện", "Phòng Tài nguyên và Môi trường huyện",
    "Phòng Giáo dục và Đào tạo huyện", "Phòng Lao động - Thương binh và Xã hội huyện", "Phòng Tư pháp huyện",
    "Trung tâm Y tế huyện Kế Sách", "Ban Chỉ huy Quân sự huyện", "Công an huyện Kế Sách",
    "Phòng Giao dịch Ngân hàng Chính sách xã hội huyện", "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện",
    "Bảo hiểm xã hội huyện Kế Sách", "Ban Quản lý dự án đầu tư xây dựng huyện", "Ban Tuyên giáo Huyện ủy",
    "Ban Dân vận Huyện ủy", "Phòng Nông nghiệp và Phát triển nông thôn huyện", "Phòng Tài chính - Kế hoạch huyện",
]
COMMUNE_ORG_TYPES = [
    "Ủy ban nhân dân", "Ủy ban nhân dân", "UBND", "Đảng ủy", "Hội Nông dân", "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên", "Hội Cựu chiến binh", "Ban Chỉ huy Quân sự", "Công an", "Trạm Y tế",
    "Ủy ban MTTQ Việt Nam", "Hội Chữ thập đỏ",
]

PARTICIPANTS = [
    "cán bộ, đảng viên", "hội viên nông dân", "đoàn viên thanh niên", "học sinh", "người dân",
    "đại biểu", "cán bộ, công chức", "hộ dân", "chị em phụ nữ", "cựu chiến binh", "chiến sĩ dân quân",
    "thầy cô giáo", "đồng bào Khmer", "người lao động", "chức sắc, chức việc các tôn giáo",
]

SOURCES = [
    "Báo Sóc Trăng", "Đài Phát thanh và Truyền hình Sóc Trăng", "Ban Tuyên giáo Huyện ủy Kế Sách",
    "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện Kế Sách", "Cổng thông tin điện tử tỉnh Sóc Trăng",
]
AUTHOR_UNITS = [
    "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "Văn phòng HĐND và UBND huyện",
    "Ban Tuyên giáo Huyện ủy", "Phòng Văn hóa và Thông tin huyện", "Cộng tác viên {commune}",
    "Phòng Nông nghiệp và Phát triển nông thôn huyện", "Công an huyện", "Phòng Tư pháp huyện",
]

# Document references: a few real, well-known ones, and numbers generated by corpus.py
# in the forms 03-CT/TW, 83-TB/HU, 125/QĐ-UBND and 12/2024/NĐ-CP.
KNOWN_DOCUMENTS = [
    "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Chỉ thị số 03-CT/TW của Bộ Chính trị về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
    "Nghị quyết số 35-NQ/TW của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
    "Quyết định số 06/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
    "Thông báo số 83-TB/HU của Ban Thường vụ Huyện ủy",
    "Quyết định số 125/QĐ-UBND của Ủy ban nhân dân huyện",
    "Nghị định số 12/2024/NĐ-CP của Chính phủ",
    "Luật Đất đai năm 2024", "Luật Hộ tịch năm 2014", "Luật Cư trú năm 2020",
    "Luật Nghĩa vụ quân sự năm 2015", "Luật Phòng, chống ma túy năm 2021",
]
# (name, number form, issuer): corpus.py fills {n} and {y}.
DOCUMENT_FORMS = [
    ("Chỉ thị", "{n2}-CT/TW", "của Ban Bí thư"),
    ("Chỉ thị", "{n2}-CT/TU", "của Ban Thường vụ Tỉnh ủy"),
    ("Nghị quyết", "{n2}-NQ/TW", "của Bộ Chính trị"),
    ("Nghị quyết", "{n2}-NQ/HU", "của Ban Chấp hành Đảng bộ huyện"),
    ("Thông báo", "{n}-TB/HU", "của Ban Thường vụ Huyện ủy"),
    ("Kế hoạch", "{n}-KH/HU", "của Ban Thường vụ Huyện ủy"),
    ("Quyết định", "{n}/QĐ-UBND", "của Ủy ban nhân dân huyện"),
    ("Quyết định", "{n}/QĐ-UBND", "của UBND tỉnh Sóc Trăng"),
    ("Kế hoạch", "{n}/KH-UBND", "của UBND huyện"),
    ("Công văn", "{n}/UBND-VP", "của UBND huyện"),
    ("Nghị định", "{n}/{y}/NĐ-CP", "của Chính phủ"),
    ("Thông tư", "{n2}/{y}/TT-BTP", "của Bộ Tư pháp"),
    ("Thông tư", "{n2}/{y}/TT-BNNPTNT", "của Bộ Nông nghiệp và Phát triển nông thôn"),
    ("Nghị quyết", "{n2}/{y}/NQ-HĐND", "của HĐND tỉnh Sóc Trăng"),
]

CATEGORIES = [
    "Tin tức - Sự kiện",
    "Chính trị",
    "Kinh tế",
    "Văn hóa - Xã hội",
    "Quốc phòng - An ninh",
    "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
    "Chỉ đạo điều hành",
    "Quy hoạch - Kế hoạch",
    "Đầu tư công - Đấu thầu",
    "Thống kê",
    "Phổ biến pháp luật",
]
# How often a district portal publishes in each category (relative).
CATEGORY_WEIGHTS = [30, 10, 12, 14, 8, 4, 7, 3, 4, 2, 6]

# The shared grammar. Keys are slot names.
GRAMMAR = {
    "org": ["{district_org}", "{district_org}", "{commune_org}", "{commune_org}", "{commune_org}"],
    "commune_org": ["{commune_org_type} {commune}"],
    "place": ["huyện Kế Sách", "{commune}", "{commune}", "{commune}", "{hamlet}, {commune}", "toàn huyện"],
    "when": [
        "Sáng ngày {d}/{m}", "Sáng ngày {d}/{m}", "Chiều ngày {d}/{m}", "Sáng {d}/{m}", "Chiều {d}/{m}",
        "Ngày {d}/{m}/{y}", "Ngày {d}/{m}", "Vừa qua", "Mới đây", "Tối ngày {d}/{m}",
    ],
    "period": [
        "Năm {y}", "Trong 6 tháng đầu năm {y}", "Từ đầu năm đến nay", "Trong 9 tháng đầu năm {y}",
        "Trong năm {y_prev}", "Trong quý I/{y}", "Giai đoạn 2021 - 2025", "Qua 5 năm triển khai thực hiện",
        "Trong những năm qua", "Thời gian qua",
    ],
    "meeting": ["hội nghị", "buổi làm việc", "lễ phát động", "buổi lễ", "cuộc họp", "buổi tiếp xúc"],
    "event": [
        "hội nghị sơ kết công tác 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm {y}",
        "hội nghị tổng kết công tác năm {y_prev} và triển khai phương hướng, nhiệm vụ năm {y}",
        "hội nghị triển khai {doc}", "hội nghị trực tuyến về {topic}", "buổi họp mặt {participants} nhân dịp {occasion}",
        "lễ khánh thành {work}", "lễ khởi công {work}", "buổi tọa đàm về {topic}",
        "lễ bàn giao {n} căn nhà đại đoàn kết cho hộ nghèo", "hội nghị tiếp xúc cử tri với đại biểu HĐND huyện",
        "lớp tập huấn về {topic}", "buổi tuyên truyền về {topic} cho {nn} {participants}",
        "đoàn kiểm tra {topic} tại {commune}", "lễ trao quyết định công nhận {commune} đạt chuẩn nông thôn mới",
    ],
    "occasion": [
        "Tết Nguyên đán", "Tết Chôl Chnăm Thmây", "lễ hội Oóc Om Bóc", "kỷ niệm Ngày Quốc khánh 2/9",
        "kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam 22/12", "kỷ niệm Ngày Nhà giáo Việt Nam 20/11",
        "kỷ niệm Ngày Thương binh - Liệt sĩ 27/7", "kỷ niệm Ngày Quốc tế Phụ nữ 8/3",
        "kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam 3/2", "Ngày hội Đại đoàn kết toàn dân tộc 18/11",
    ],
    "work": [
        "tuyến đường giao thông nông thôn {hamlet}", "cầu bê tông {hamlet}", "trụ sở UBND {commune}",
        "điểm trường tiểu học {hamlet}", "trạm cấp nước sinh hoạt tập trung {hamlet}",
        "đê bao ngăn mặn, chống triều cường {commune}", "nhà văn hóa {hamlet}", "chợ {commune}",
        "tuyến đường nhựa liên xã {commune}", "cống thủy lợi {hamlet}",
    ],
    "topic": [
        "công tác xây dựng nông thôn mới", "cải cách hành chính", "chuyển đổi số", "phòng chống dịch bệnh",
        "giảm nghèo bền vững", "an toàn giao thông", "bảo vệ môi trường", "cải cách thủ tục hành chính",
        "an sinh xã hội", "công tác dân vận", "phát triển kinh tế - xã hội", "bảo hiểm y tế",
        "phòng chống thiên tai", "công tác cán bộ", "quốc phòng - an ninh",
    ],
    "task": [
        "tăng cường công tác tuyên truyền, vận động nhân dân", "đẩy mạnh {topic}",
        "rà soát, nắm chắc tình hình ở cơ sở", "phối hợp chặt chẽ với các ban, ngành, đoàn thể",
        "nâng cao chất lượng phục vụ người dân và doanh nghiệp", "thực hiện tốt {topic}",
        "kịp thời tháo gỡ khó khăn, vướng mắc", "tập trung chỉ đạo quyết liệt",
        "phát huy vai trò của người đứng đầu", "bám sát kế hoạch đề ra",
    ],
    "goal": [
        "nâng cao đời sống vật chất và tinh thần của nhân dân", "hoàn thành thắng lợi nhiệm vụ năm {y}",
        "xây dựng {commune} ngày càng giàu đẹp, văn minh", "giữ vững an ninh chính trị, trật tự an toàn xã hội ở địa phương",
        "thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ huyện lần thứ XII", "tạo sự đồng thuận trong nhân dân",
        "phát triển kinh tế - xã hội của huyện", "củng cố niềm tin của nhân dân đối với Đảng và chính quyền",
    ],
    "achievement": [
        "giải quyết {nn} hồ sơ thủ tục hành chính, 100% đúng hạn", "vận động xây dựng {n} căn nhà đại đoàn kết",
        "giảm {n} hộ nghèo, tỷ lệ hộ nghèo còn {pct_low}%", "thu ngân sách đạt {money}", "tổ chức {n} cuộc tuyên truyền với {nbig} lượt người dự",
        "nâng cấp {n} km đường giao thông nông thôn", "nâng tỷ lệ người dân tham gia bảo hiểm y tế lên {pct}%",
        "hỗ trợ {nn} hộ vay vốn với tổng số tiền {money}", "giải quyết việc làm cho {nn} lao động",
    ],
    "difficulty": [
        "nguồn lực đầu tư còn hạn chế", "một bộ phận người dân chưa quan tâm", "thời tiết diễn biến bất thường",
        "giá cả nông sản không ổn định", "cơ sở vật chất còn thiếu thốn", "đội ngũ cán bộ cơ sở còn mỏng",
        "tình hình hạn hán, xâm nhập mặn kéo dài",
    ],
    "fact": [
        "toàn huyện hiện có 13 xã, thị trấn với {nbig} hộ dân", "đây là năm thứ {n2s} liên tiếp địa phương tổ chức hoạt động này",
        "kinh phí thực hiện do ngân sách huyện và nguồn xã hội hóa đóng góp", "hoạt động sẽ kéo dài đến hết tháng {m2}",
        "{commune} có {n2s} ấp với trên {nbig} nhân khẩu, trong đó đồng bào Khmer chiếm {pct_khmer}%",
    ],
    "quote": [
        "Nhờ được hỗ trợ kịp thời, gia đình tôi đã ổn định cuộc sống và có thêm thu nhập",
        "Chúng tôi rất phấn khởi khi con đường được nâng cấp, việc đi lại, vận chuyển nông sản thuận tiện hơn nhiều",
        "Thủ tục bây giờ nhanh gọn, tôi nộp hồ sơ buổi sáng thì buổi chiều đã nhận được kết quả",
        "Tôi sẽ tiếp tục vận động bà con trong ấp cùng chung tay xây dựng quê hương",
        "Mô hình này giúp gia đình tôi tăng thu nhập, cuộc sống khấm khá hơn trước",
    ],
    "person_role": ["người dân ở {hamlet}", "Trưởng {hamlet}", "Bí thư Chi bộ {hamlet}", "hội viên nông dân ở {hamlet}",
                    "hộ nghèo ở {hamlet}", "hộ cận nghèo ở {hamlet}"],
}

# Sentences: the first of a body, the lead, and the body's others.
OPENING_SENTENCES = [
    "{when}, {org} đã tổ chức {event}.",
    "{when}, {org} tổ chức {event}.",
    "{when}, tại hội trường {commune}, {org} tổ chức {event}.",
    "Thực hiện {doc}, {org} đã triển khai nhiều giải pháp nhằm {goal}.",
    "{period}, {org} đã tập trung {task}, qua đó {achievement}.",
]
# What may follow a lead's first sentence when it is short.
LEAD_FOLLOWUPS = [
    "Tham dự có đồng chí {person}, {position}.", "Qua đó, góp phần {goal}.",
    "Đây là hoạt động thiết thực nhằm {goal}.", "{period}, {place} đã {achievement}.",
    "Tham dự có đại diện lãnh đạo các ban, ngành, đoàn thể huyện và {nn} {participants}.",
]
LEAD_SENTENCES = OPENING_SENTENCES + [
    "{period}, {place} đã {achievement}, góp phần {goal}.",
    "Nhằm {goal}, {org} vừa {task} tại {place}.",
]
BODY_SENTENCES = [
    "Tham dự có đồng chí {person}, {position}; cùng đại diện lãnh đạo các ban, ngành, đoàn thể huyện và {nn} {participants}.",
    "Theo báo cáo, {period_lower}, {place} đã {achievement}, đạt {pct}% kế hoạch năm.",
    "Thực hiện {doc}, {org} đã chỉ đạo các ngành, các cấp {task}.",
    "Qua đó, góp phần {goal}.",
    "Phát biểu chỉ đạo tại {meeting}, đồng chí {person}, {position}, ghi nhận và biểu dương những kết quả mà {org} đạt được trong thời gian qua.",
    "Đồng chí đề nghị trong thời gian tới, các cấp, các ngành cần tiếp tục {task}, {task_more}, phấn đấu {goal}.",
    "Tổng kinh phí thực hiện hơn {money}, từ nguồn ngân sách nhà nước và vận động xã hội hóa.",
    "Dịp này, {org} đã trao giấy khen cho {n} tập thể và {nn} cá nhân có thành tích xuất sắc trong {topic}.",
    "Bên cạnh những kết quả đạt được, {topic} vẫn còn một số khó khăn, hạn chế như {difficulty}, {difficulty_more}.",
    "Nguyên nhân chủ yếu là do {difficulty}.",
    "Được biết, {fact}.",
    "Ông {person_male}, {person_role}, {commune}, chia sẻ: “{quote}”.",
    "Bà {person_female}, {person_role}, chia sẻ: “{quote}”.",
    "Để {goal}, {org} sẽ {task} trong năm {y_next}.",
    "{period}, {org} đã {achievement}.",
    "Đến nay, {place} đã {achievement}.",
    "Cũng tại {meeting}, các đại biểu đã thảo luận, đóng góp nhiều ý kiến thiết thực về {topic}.",
    "Theo {doc}, các địa phương phải hoàn thành việc {task_short} trước ngày {d}/{m2}/{y}.",
    "Trong thời gian tới, {org} tiếp tục {task} và {task_more}.",
    "Kết thúc {meeting}, đoàn đã đến thăm và tặng quà cho {n} gia đình chính sách, hộ nghèo tại {place}.",
    "Đây là hoạt động thiết thực nhằm {goal}.",
    "Đồng chí {person}, {position}, nhấn mạnh: “{quote_official}”.",
    "Dịp này, đoàn công tác {locality} đã đến tham quan, học tập kinh nghiệm về {topic} tại {commune}.",
]
GRAMMAR.update({
    "task_more": ["nâng cao hiệu quả phối hợp giữa các ngành", "quan tâm bồi dưỡng đội ngũ cán bộ cơ sở",
                  "đa dạng hóa hình thức tuyên truyền", "định kỳ kiểm tra, đánh giá kết quả thực hiện",
                  "kịp thời biểu dương, khen thưởng các điển hình tiên tiến", "huy động các nguồn lực xã hội hóa"],
    "difficulty_more": ["kinh phí hoạt động còn ít", "việc ứng dụng công nghệ thông tin chưa đồng đều",
                        "công tác phối hợp có lúc chưa chặt chẽ", "một số hộ dân chưa chấp hành tốt quy định"],
    "task_short": ["rà soát, cập nhật danh sách", "báo cáo kết quả thực hiện", "kiện toàn ban chỉ đạo",
                   "tổng hợp ý kiến của nhân dân", "niêm yết công khai tại trụ sở"],
    "quote_official": [
        "Mỗi cán bộ, đảng viên phải nêu cao tinh thần trách nhiệm, gương mẫu đi đầu, sâu sát cơ sở, gần dân, hiểu dân",
        "Các địa phương cần xác định đây là nhiệm vụ trọng tâm, thường xuyên, phải triển khai đồng bộ và quyết liệt",
        "Phải lấy sự hài lòng của người dân, doanh nghiệp làm thước đo hiệu quả phục vụ",
        "Tuyệt đối không để xảy ra tình trạng chậm trễ, gây phiền hà cho người dân",
    ],
})

TITLE_TEMPLATES = [
    "{org_title} tổ chức {event}",
    "{org_title} {title_action}",
    "Kế Sách: {headline}",
    "{commune_title} {headline}",
    "{org_title} triển khai thực hiện {doc_short}",
    "Quán triệt, triển khai {doc_short} đến cán bộ, đảng viên {commune}",
    "Hiệu quả từ mô hình {model} ở {hamlet}, {commune}",
    "{commune_title} ra mắt mô hình {model} tại {hamlet}",
    "Đồng chí {person}, {position}, thăm và làm việc tại {commune}",
    "{headline_cap}",
]
GRAMMAR.update({
    "org_title": ["{district_org}", "{commune_org}"],
    "title_action": ["triển khai {topic} năm {y}", "sơ kết {topic} 6 tháng đầu năm {y}", "ra quân {topic}",
                     "kiểm tra {topic} tại {commune}", "đẩy mạnh {topic}", "tập huấn {topic} cho cán bộ cơ sở"],
    "headline": [
        "có {n} hộ thoát nghèo trong năm {y}", "hoàn thành {n} căn nhà đại đoàn kết", "thêm {n2s} ấp đạt chuẩn nông thôn mới kiểu mẫu năm {y}",
        "nỗ lực thực hiện {topic}", "nhiều kết quả nổi bật trong {topic}", "giải ngân {pct}% vốn đầu tư công",
        "chú trọng {topic}", "tiếp nhận {nn} hồ sơ trực tuyến", "ra quân {topic}",
    ],
    "headline_cap": [
        "Nâng cao hiệu quả {topic} ở {commune}", "Kế Sách đẩy mạnh {topic} năm {y}",
        "{commune_title} sôi nổi các hoạt động chào mừng {occasion}", "{commune_title} đạt chuẩn nông thôn mới nâng cao năm {y}",
        "{commune_title} tổ chức {event}", "Tiếp tục đẩy mạnh {topic} trên địa bàn huyện Kế Sách",
    ],
    "model": ["trồng bưởi năm roi theo tiêu chuẩn VietGAP", "nuôi cá ruộng lúa", "tổ tự quản an ninh trật tự",
              "“Dân vận khéo”", "tiết kiệm vì phụ nữ nghèo", "trồng sầu riêng kết hợp nuôi ong",
              "“Ngày Chủ nhật xanh”", "tổ hợp tác trồng chôm chôm", "“Camera an ninh”", "nuôi bò vỗ béo",
              "“Tuyến đường hoa”", "trồng nấm rơm", "nuôi lươn không bùn", "“Thắp sáng đường quê”",
              "chi hội phụ nữ “5 không, 3 sạch”", "tổ hòa giải ở cơ sở", "“Xóm đạo bình yên”", "nuôi gà thả vườn"],
})

# Phrases each category adds to the shared lists.
CATEGORY_TOPICS = [
    # Tin tức - Sự kiện
    {
        "event": ["lễ mít tinh {occasion}", "hội thi “Dân vận khéo” năm {y}", "giải đua ghe Ngo truyền thống huyện Kế Sách mở rộng",
                  "ngày hội văn hóa, thể thao đồng bào Khmer"],
        "topic": ["công tác chuẩn bị đón Tết", "phong trào thi đua yêu nước", "công tác thi đua, khen thưởng"],
    },
    # Chính trị
    {
        "event": ["Đại hội Đảng bộ {commune} nhiệm kỳ 2025 - 2030", "lễ kết nạp đảng viên mới",
                  "hội nghị Ban Chấp hành Đảng bộ huyện lần thứ {n}", "lễ trao Huy hiệu 30 năm tuổi Đảng",
                  "hội nghị học tập, quán triệt Nghị quyết Hội nghị Trung ương {n2s} khóa XIII"],
        "topic": ["công tác xây dựng Đảng", "công tác kiểm tra, giám sát", "công tác phát triển đảng viên",
                  "sinh hoạt chi bộ", "công tác dân vận của hệ thống chính trị", "tiếp xúc cử tri"],
        "achievement": ["kết nạp {n} đảng viên mới", "trao Huy hiệu Đảng cho {n} đảng viên", "kiểm tra {n} tổ chức đảng và {nn} đảng viên"],
    },
    # Kinh tế
    {
        "event": ["hội thảo tiêu thụ bưởi năm roi", "lễ xuống giống lúa vụ Đông Xuân {y_prev} - {y}",
                  "hội chợ thương mại nông sản", "lớp tập huấn kỹ thuật chăm sóc cây ăn trái"],
        "topic": ["sản xuất lúa vụ Hè Thu", "chuyển đổi cơ cấu cây trồng", "phát triển sản phẩm OCOP",
                  "chăn nuôi và phòng chống dịch bệnh gia súc, gia cầm", "kinh tế tập thể, hợp tác xã",
                  "thu ngân sách nhà nước", "tiêu thụ nông sản", "nuôi trồng thủy sản"],
        "achievement": ["xuống giống {nbig} ha lúa, năng suất bình quân {yield} tấn/ha", "có thêm {n} sản phẩm đạt chuẩn OCOP 3 sao",
                        "chuyển đổi {nn} ha đất lúa kém hiệu quả sang trồng cây ăn trái", "thành lập {n} hợp tác xã nông nghiệp"],
        "fact": ["Kế Sách là vùng chuyên canh cây ăn trái lớn của tỉnh với diện tích hơn {nbig} ha",
                 "bưởi năm roi, chôm chôm và sầu riêng là những loại cây chủ lực của huyện"],
    },
    # Văn hóa - Xã hội
    {
        "event": ["lễ khai giảng năm học {y} - {y_next}", "chiến dịch tiêm chủng mở rộng", "hội thao người cao tuổi",
                  "lễ hội Oóc Om Bóc - đua ghe Ngo", "ngày hội hiến máu tình nguyện"],
        "topic": ["phòng chống dịch sốt xuất huyết", "phòng chống dịch", "bảo hiểm xã hội tự nguyện",
                  "xây dựng gia đình văn hóa", "phổ cập giáo dục", "chăm sóc sức khỏe ban đầu",
                  "chăm lo gia đình chính sách", "phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”"],
        "achievement": ["công nhận {nbig} hộ đạt danh hiệu gia đình văn hóa", "tiêm vắc xin cho {nbig} trẻ em",
                        "huy động {pct}% trẻ trong độ tuổi đến trường", "cấp {nbig} thẻ bảo hiểm y tế miễn phí"],
    },
    # Quốc phòng - An ninh
    {
        "event": ["lễ giao nhận quân năm {y}", "hội thao quốc phòng lực lượng vũ trang huyện",
                  "diễn tập khu vực phòng thủ huyện", "lễ ra quân huấn luyện năm {y}",
                  "lễ ra mắt mô hình “Camera an ninh”", "đợt cao điểm tấn công, trấn áp tội phạm"],
        "topic": ["công tác tuyển chọn và gọi công dân nhập ngũ", "an ninh trật tự", "phòng chống ma túy",
                  "phòng cháy, chữa cháy", "phong trào toàn dân bảo vệ an ninh Tổ quốc", "huấn luyện dân quân tự vệ"],
        "achievement": ["giao {nn} thanh niên lên đường nhập ngũ, đạt 100% chỉ tiêu", "phát hiện, xử lý {n} vụ vi phạm",
                        "tiếp nhận {n} tin báo tố giác tội phạm", "lắp đặt {nn} camera an ninh tại các tuyến đường"],
    },
    # Học tập và làm theo tấm gương đạo đức Hồ Chí Minh
    {
        "event": ["hội nghị sơ kết {n2s} năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị",
                  "hội nghị biểu dương điển hình tiên tiến học tập và làm theo Bác", "hội thi kể chuyện về Bác Hồ"],
        "topic": ["việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "thực hiện Chỉ thị số 05-CT/TW",
                  "xây dựng chuyên đề học tập và làm theo Bác", "nêu gương của cán bộ, đảng viên"],
        "achievement": ["biểu dương {nn} tập thể, cá nhân điển hình", "đăng ký {nbig} việc làm theo Bác"],
        "goal": ["xây dựng Đảng bộ huyện trong sạch, vững mạnh", "nâng cao đạo đức cách mạng, chống chủ nghĩa cá nhân"],
    },
    # Chỉ đạo điều hành
    {
        "event": ["cuộc họp thành viên UBND huyện thường kỳ tháng {m}", "hội nghị đối thoại với người dân và doanh nghiệp",
                  "buổi làm việc với các xã, thị trấn về tiến độ giải ngân vốn đầu tư công"],
        "topic": ["phòng chống hạn hán, xâm nhập mặn", "giải quyết khiếu nại, tố cáo", "thực hiện Đề án 06",
                  "chỉ đạo điều hành của UBND huyện", "thủ tục hành chính trên môi trường điện tử"],
        "task": ["chủ động ứng phó với triều cường, sạt lở", "khẩn trương hoàn thành hồ sơ, thủ tục", "báo cáo kết quả về UBND huyện đúng thời gian quy định"],
    },
    # Quy hoạch - Kế hoạch
    {
        "event": ["hội nghị lấy ý kiến quy hoạch sử dụng đất huyện Kế Sách thời kỳ 2021 - 2030",
                  "hội nghị công bố điều chỉnh quy hoạch chung thị trấn An Lạc Thôn"],
        "topic": ["kế hoạch sử dụng đất năm {y}", "quy hoạch xây dựng vùng huyện", "kế hoạch phát triển kinh tế - xã hội 5 năm",
                  "quy hoạch chi tiết khu dân cư {commune}"],
        "achievement": ["phê duyệt {n} đồ án quy hoạch chi tiết", "công bố công khai {n} quy hoạch"],
    },
    # Đầu tư công - Đấu thầu
    {
        "event": ["lễ mở thầu gói thầu xây lắp {work}", "hội nghị đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {y}"],
        "topic": ["giải ngân vốn đầu tư công", "công tác đấu thầu", "quản lý dự án đầu tư xây dựng", "bồi thường, giải phóng mặt bằng"],
        "achievement": ["giải ngân {money}, đạt {pct}% kế hoạch vốn", "lựa chọn nhà thầu cho {n} gói thầu",
                        "khởi công {n} công trình với tổng vốn {money}"],
        "fact": ["gói thầu có giá {money}, thời gian thực hiện {nn} ngày", "công trình do Ban Quản lý dự án đầu tư xây dựng huyện làm chủ đầu tư"],
    },
    # Thống kê
    {
        "event": ["hội nghị triển khai tổng điều tra kinh tế năm {y}", "lễ ra quân điều tra dân số và nhà ở giữa kỳ"],
        "topic": ["công tác thống kê", "điều tra hộ nghèo, hộ cận nghèo", "điều tra lao động - việc làm"],
        "achievement": ["đạt tốc độ tăng trưởng kinh tế {pct_low}%", "nâng thu nhập bình quân đầu người lên {income} triệu đồng/năm",
                        "gieo trồng tổng diện tích {nbig} ha"],
        "fact": ["dân số trung bình của huyện năm {y_prev} là {nbig} người", "tỷ lệ hộ nghèo toàn huyện giảm còn {pct_low}%"],
    },
    # Phổ biến pháp luật
    {
        "event": ["hội nghị phổ biến Luật Đất đai năm 2024", "ngày Pháp luật Việt Nam 9/11", "hội thi hòa giải viên giỏi",
                  "buổi trợ giúp pháp lý lưu động tại {commune}"],
        "topic": ["phổ biến, giáo dục pháp luật", "hòa giải ở cơ sở", "thủ tục cấp giấy khai sinh",
                  "đăng ký khai sinh, khai tử, kết hôn", "thủ tục cấp giấy chứng nhận quyền sử dụng đất", "liên thông thủ tục hành chính"],
        "achievement": ["hòa giải thành {n} vụ việc", "cấp {nbig} giấy khai sinh, trong đó {nn} trường hợp đăng ký trực tuyến",
                        "tổ chức {n} cuộc tuyên truyền pháp luật với {nbig} lượt người dự"],
        "fact": ["người dân có thể đăng ký khai sinh trực tuyến trên Cổng Dịch vụ công quốc gia",
                 "thủ tục cấp giấy khai sinh được giải quyết ngay trong ngày làm việc"],
    },
]

# Search queries a visitor of the portal types: without and with diacritics, single
# syllables, document numbers, names, and a few that match nothing in the corpus.
QUERIES = [
    "ke sach", "dang uy", "thu tuc cap giay khai sinh", "nong thon moi", "Kế Sách", "Ủy ban nhân dân",
    "phòng chống dịch", "đại hải", "an lac thon", "bưởi năm roi", "xã", "lúa", "đảng", "huyen",
    "03-CT/TW", "125/QĐ-UBND", "12/2024/NĐ-CP", "tiếp xúc cử tri", "bảo hiểm y tế",
    "tàu ngầm hạt nhân", "blockchain", "xyzzy quux",
]
NO_MATCH_QUERIES = ["tàu ngầm hạt nhân", "blockchain", "xyzzy quux"]
