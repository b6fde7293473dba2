-- Content for the NukeViet mode's tests, written for them and stored the way
-- NukeViet 4.5 stores it: titles HTML-encoded with NukeViet's own entities
-- (`/` as &#x002F;, `:` as &#x3A;, quotes as &quot;), bodies as HTML with
-- brackets encoded, Unix times, comma-separated category lists, and a copy
-- of every article in the table of each category it is listed in.
-- Times: 1719792000 is 2024-07-01 00:00 UTC; 4102444800 is 2100-01-01.

INSERT INTO nv4_config (lang, module, config_name, config_value) VALUES
('sys', 'global', 'version', '4.5.05'),
('sys', 'site', 'site_email', 'vanphong@nongthonmoi.example.vn'),
('sys', 'site', 'site_phone', '0239 3 892 689'),
('vi', 'global', 'site_name', 'Nông thôn mới Hà Tĩnh'),
('vi', 'global', 'site_description', 'Tin tức, chính sách và gương điển hình xây dựng nông thôn mới');

INSERT INTO nv4_vi_modules (title, module_file, module_data, module_upload, custom_title, groups_view, weight, act) VALUES
('tin-tuc', 'news', 'tin_tuc', 'tin-tuc', 'Tin tức', '6', 1, 1),
('thong-bao', 'news', 'thong_bao', 'thong-bao', 'Thông báo cũ', '6', 2, 0),
('voting', 'voting', 'voting', 'voting', 'Thăm dò ý kiến', '6', 3, 1),
('menu', 'menu', 'menu', 'menu', 'Menu', '6', 4, 1),
('van-ban', 'laws', 'van_ban', 'van-ban', 'Văn bản', '6', 5, 1),
('users', 'users', 'users', 'users', 'Thành viên', '6', 6, 1);

INSERT INTO nv4_vi_tin_tuc_cat (catid, parentid, title, alias, description, weight, sort, lev, numsubcat, subcatid, status) VALUES
(1, 0, 'Tin tức - Sự kiện', 'tin-tuc-su-kien', 'Hoạt động xây dựng nông thôn mới trong tỉnh', 1, 1, 0, 1, '3', 1),
(3, 1, 'Gương điển hình', 'guong-dien-hinh', 'Những tấm gương &quot;dám nghĩ, dám làm&quot;', 1, 2, 1, 0, '', 1),
(2, 0, 'Chương trình OCOP', 'chuong-trinh-ocop', 'Mỗi xã một sản phẩm&#x3A; chủ thể, sản phẩm, hạng sao', 2, 3, 0, 0, '', 2),
(4, 0, 'Lưu trữ', 'luu-tru', 'Chuyên mục đã tắt', 3, 4, 0, 0, '', 0);
-- For members only (group 4): on, but not for everyone.
INSERT INTO nv4_vi_tin_tuc_cat (catid, parentid, title, alias, description, weight, sort, lev, numsubcat, subcatid, status, groups_view) VALUES
(5, 0, 'Nội bộ', 'noi-bo', 'Tin nội bộ cơ quan', 4, 5, 0, 0, '', 1, '4');

INSERT INTO nv4_vi_tin_tuc_sources (sourceid, title, link, add_time, edit_time) VALUES
(1, 'Báo Hà Tĩnh', 'https://baohatinh.example.vn', 1719792000, 1719792000);

INSERT INTO nv4_vi_tin_tuc_rows
(id, catid, listcatid, author, sourceid, addtime, edittime, status, publtime, exptime, title, alias, hometext, homeimgfile, homeimgalt, homeimgthumb, inhome, allowed_rating, hitstotal, total_rating, click_rating) VALUES
(1, 1, '1', 'Phóng viên&#x002F;Báo Hà Tĩnh', 1, 1719792000, 1719792000, 1, 1719792000, 0,
 'Hà Tĩnh&#x3A; sơ kết 6 tháng xây dựng nông thôn mới', 'ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi',
 'Sáu tháng đầu năm, toàn tỉnh có thêm 12 xã đạt chuẩn &#40;vượt kế hoạch&#41;&#33;', '2024_07/so-ket.jpg', 'Hội nghị sơ kết', 1, 1, 1, 16777215, 45, 10),
(2, 2, '2,1', 'Nhóm PV', 0, 1719878400, 1719878400, 1, 1719878400, 0,
 'Sản phẩm OCOP &quot;Kẹo cu đơ&quot; đạt 4 sao', 'san-pham-ocop-keo-cu-do-dat-4-sao',
 'Kẹo cu đơ của HTX Tiến Thành<br />được công nhận 4 sao.', 'https://cdn.example.vn/ocop/keo-cu-do.jpg', 'Kẹo cu đơ', 3, 1, 0, 320, 0, 0),
(3, 3, '3', '', 0, 1719964800, 1719964800, 1, 1719964800, 0,
 'Cựu chiến binh làm giàu từ rừng keo', 'cuu-chien-binh-lam-giau-tu-rung-keo',
 'Ông Hoàng Văn Sáu trồng 15 ha keo.', '', '', 0, 1, 1, 0, 0, 0),
(4, 1, '1', '', 0, 1720051200, 1720051200, 4, 1720051200, 0,
 'Bản nháp chưa đăng', 'ban-nhap-chua-dang', 'Chưa duyệt.', '', '', 0, 1, 1, 0, 0, 0),
(5, 1, '1', '', 0, 1720051200, 1720051200, 1, 4102444800, 0,
 'Bài hẹn giờ đăng năm 2100', 'bai-hen-gio-dang-nam-2100', 'Chưa đến giờ đăng.', '', '', 0, 1, 1, 0, 0, 0),
(6, 1, '1', '', 0, 1717200000, 1717200000, 1, 1717200000, 1718000000,
 'Thông báo đã hết hạn', 'thong-bao-da-het-han', 'Đã hết hạn.', '', '', 0, 1, 1, 0, 0, 0),
(7, 1, '1', '', 0, 1720137600, 1720137600, 1, 1720137600, 0,
 'Quyết định 15&#x002F;2024&#x002F;QĐ-UBND về bộ tiêu chí xã nông thôn mới', 'quyet-dinh-15-2024-qd-ubnd-ve-bo-tieu-chi-xa-nong-thon-moi',
 'Bộ tiêu chí áp dụng từ năm 2024.', '2024_07/quyet-dinh.png', '', 2, 1, 1, 7, 0, 0),
(8, 5, '5', '', 0, 1720137600, 1720137600, 1, 1720137600, 0,
 'Lịch họp nội bộ tháng 7', 'lich-hop-noi-bo-thang-7', 'Chỉ dành cho cán bộ.', '', '', 0, 1, 1, 0, 0, 0);

INSERT INTO nv4_vi_tin_tuc_detail (id, titlesite, description, bodyhtml, keywords, sourcetext, files) VALUES
(1, '', '', '<p>Chiều 1/7, Văn phòng Điều phối tổ chức hội nghị sơ kết.</p><h2>Kết quả</h2><table><tbody><tr><td>Xã đạt chuẩn</td><td>12</td></tr></tbody></table><p>Ghi chú &#91;1&#93;</p>', 'nông thôn mới', 'https://baohatinh.example.vn/so-ket', ''),
(2, '', '', '<p>HTX Tiến Thành giữ nghề truyền thống.</p>', 'ocop', 'baohatinh.example.vn', ''),
(3, '', '', '<p>Ông Sáu kể về những năm đầu lên đồi.</p>', '', '', ''),
(4, '', '', '<p>Nháp.</p>', '', '', ''),
(5, '', '', '<p>Hẹn giờ.</p>', '', '', ''),
(6, '', '', '<p>Hết hạn.</p>', '', '', ''),
(7, '', '', '<p>Ban hành kèm theo Quyết định 15/2024/QĐ-UBND.</p>', '', '', ''),
(8, '', '', '<p>Nội bộ nông thôn mới.</p>', '', '', '');

INSERT INTO nv4_vi_tin_tuc_tags (tid, numnews, title, alias, keywords) VALUES
(1, 1, '', 'ocop', 'OCOP'),
(2, 2, '', 'nong-thon-moi', 'nông thôn mới');

INSERT INTO nv4_vi_tin_tuc_tags_id (id, tid, keyword) VALUES
(1, 2, 'nông thôn mới'),
(2, 1, 'OCOP'),
(2, 2, 'nông thôn mới');

-- One table per category with a copy of each article listed in it.
CREATE TABLE nv4_vi_tin_tuc_1 LIKE nv4_vi_tin_tuc_rows;
CREATE TABLE nv4_vi_tin_tuc_2 LIKE nv4_vi_tin_tuc_rows;
CREATE TABLE nv4_vi_tin_tuc_3 LIKE nv4_vi_tin_tuc_rows;
CREATE TABLE nv4_vi_tin_tuc_4 LIKE nv4_vi_tin_tuc_rows;
CREATE TABLE nv4_vi_tin_tuc_5 LIKE nv4_vi_tin_tuc_rows;
INSERT INTO nv4_vi_tin_tuc_1 SELECT * FROM nv4_vi_tin_tuc_rows WHERE FIND_IN_SET(1, listcatid);
INSERT INTO nv4_vi_tin_tuc_2 SELECT * FROM nv4_vi_tin_tuc_rows WHERE FIND_IN_SET(2, listcatid);
INSERT INTO nv4_vi_tin_tuc_3 SELECT * FROM nv4_vi_tin_tuc_rows WHERE FIND_IN_SET(3, listcatid);
INSERT INTO nv4_vi_tin_tuc_5 SELECT * FROM nv4_vi_tin_tuc_rows WHERE FIND_IN_SET(5, listcatid);

-- Menus: the first is the header's. Links as NukeViet's admin writes them
-- (internal ones not rewritten, `&` encoded), with their module and function.
INSERT INTO nv4_vi_menu (id, title) VALUES (1, 'Top Menu'), (2, 'Chân trang');
INSERT INTO nv4_vi_menu_rows (id, parentid, mid, title, link, weight, module_name, op, status) VALUES
(1, 0, 1, 'Trang chủ', '/index.php?language=vi&amp;nv=tin-tuc', 1, 'tin-tuc', '', 1),
(2, 0, 1, 'Tin tức', '/index.php?language=vi&amp;nv=tin-tuc&amp;op=tin-tuc-su-kien', 2, 'tin-tuc', 'tin-tuc-su-kien', 1),
(3, 2, 1, 'Gương điển hình', '/index.php?language=vi&amp;nv=tin-tuc&amp;op=guong-dien-hinh', 1, 'tin-tuc', 'guong-dien-hinh', 1),
(4, 3, 1, 'Bài nổi bật &quot;Cựu chiến binh&quot;', '/index.php?language=vi&amp;nv=tin-tuc&amp;op=guong-dien-hinh&#x002F;cuu-chien-binh-lam-giau-tu-rung-keo-3.html', 1, '', '', 1),
(5, 0, 1, 'Thăm dò ý kiến', '/index.php?language=vi&amp;nv=voting', 3, 'voting', '', 1),
(6, 0, 1, 'Cổng Chính phủ', 'https://chinhphu.vn', 4, '', '', 1),
(7, 0, 1, 'Mục đã tắt', '/index.php?language=vi&amp;nv=tin-tuc', 5, 'tin-tuc', '', 0),
(8, 7, 1, 'Con của mục đã tắt', '/index.php?language=vi&amp;nv=tin-tuc', 1, 'tin-tuc', '', 1),
(9, 0, 1, 'Liên hệ', '/index.php?language=vi&amp;nv=contact', 6, '', '', 1),
(10, 0, 2, 'Chân trang', 'https://example.vn', 1, '', '', 1);
INSERT INTO nv4_vi_menu_rows (id, parentid, mid, title, link, weight, module_name, op, status, groups_view) VALUES
(11, 0, 1, 'Mục cho thành viên', '/index.php?language=vi&amp;nv=tin-tuc&amp;op=noi-bo', 7, 'tin-tuc', 'noi-bo', 1, '4');

-- Issued documents (the laws module as `van-ban`). Dates are local
-- midnights (Asia/Ho_Chi_Minh), as the module stores a day: 1720976400 is
-- 2024-07-15, 1583082000 2020-03-02, 1703955600 2023-12-31, 1727715600
-- 2024-10-01, 1924880400 2030-12-31, 1557075600 2019-05-06. Numbers are fully encoded (`/` as
-- &#x002F;), summaries have quotes encoded only, as NukeViet stores them.
INSERT INTO nv4_vi_van_ban_cat (id, alias, title, introduction, keywords, weight) VALUES
(1, 'cong-van', 'Công văn', '', '', 1),
(2, 'quyet-dinh', 'Quyết định', '', '', 2),
(3, 'ke-hoach', 'Kế hoạch', '', '', 3),
(4, 'thong-tu', 'Thông tư', '', '', 4);

INSERT INTO nv4_vi_van_ban_subject (id, alias, title, introduction, keywords, weight) VALUES
(1, 'ubnd-tinh', 'UBND tỉnh Hà Tĩnh', '', '', 1),
(2, 'vpdp', 'Văn phòng Điều phối nông thôn mới tỉnh', '', '', 2),
(3, 'bo-nn', 'Bộ Nông nghiệp &amp; Môi trường', '', '', 3);

INSERT INTO nv4_vi_van_ban_area (id, alias, title, introduction, keywords, weight, sort) VALUES
(1, 'nong-nghiep', 'Nông nghiệp', '', '', 1, 1),
(2, 'giao-thong', 'Giao thông &#40;đường thôn&#41;', '', '', 2, 2),
(3, 'y-te', 'Y tế', '', '', 3, 3);

INSERT INTO nv4_vi_van_ban_signer (id, title, offices, positions) VALUES
(1, 'Nguyễn Hồng Lĩnh', 'UBND tỉnh', 'Phó Chủ tịch');

INSERT INTO nv4_vi_van_ban_row
(id, replacement, relatement, title, alias, code, cid, sid, eid, sgid, note, introtext, bodytext, keywords, groups_view, groups_download, files, status, approval, addtime, edittime, publtime, startvalid, exptime, view_hits, download_hits) VALUES
(1, '', '2', 'Về việc triển khai Bộ tiêu chí xã nông thôn mới nâng cao giai đoạn 2021 - 2025',
 've-viec-trien-khai-bo-tieu-chi-xa-nong-thon-moi-nang-cao-1', '6748&#x002F;UBND-NL5', 1, 1, 0, 1, '', '',
 '<p>Kính gửi: Ủy ban nhân dân các huyện, thành phố, thị xã.</p><p>Thực hiện Quyết định số 12/2020/QĐ-UBND &#91;trích&#93;, UBND tỉnh yêu cầu:</p><ul><li>Rà soát các tiêu chí;</li><li>Báo cáo trước ngày 30/8.</li></ul>',
 '', '6', '6', '2024_07/cv-6748-ubnd-nl5.pdf,https://vanban.example.gov.vn/tep/phu-luc.docx,2024_07/khong-con.doc',
 1, 0, 1720976400, 1720976400, 1720976400, 1720976400, 0, 41, 7),
(2, '', '', 'Ban hành Bộ tiêu chí xã nông thôn mới giai đoạn 2021 - 2025',
 'ban-hanh-bo-tieu-chi-xa-nong-thon-moi-2', '12&#x002F;2020&#x002F;QĐ-UBND', 2, 1, 0, 0, '',
 'Quyết định ban hành bộ tiêu chí.<br />Hết hiệu lực cuối năm 2023.', '',
 '', '6', '6', '', 1, 0, 1583082000, 1583082000, 1583082000, 0, 1703955600, 16777215, 0),
(3, '', '', 'Văn bản nội bộ chưa công khai', 'van-ban-noi-bo-3', 'NB-01', 1, 2, 0, 0, '', '', '<p>Nội bộ.</p>',
 '', '6', '6', '', 0, 0, 1727715600, 1727715600, 1727715600, 0, 0, 0, 0),
(4, '', '', 'Kế hoạch tổ chức Tuần lễ sản phẩm OCOP &quot;Hà Tĩnh&quot; năm 2024',
 'ke-hoach-tuan-le-ocop-2024-4', '45&#x002F;KH-VPĐP', 3, 2, 0, 0, '', '', '<p>Tổ chức tại thành phố Hà Tĩnh.</p>',
 '', '6', '6', '2024_10/ke-hoach-45.xlsx', 1, 0, 1727715600, 1727715600, 1727715600, 1727715600, 1924880400, 3, 0),
-- For members only (group 4), whole or its files.
(5, '', '', 'Báo cáo nội bộ về nông thôn mới', 'bao-cao-noi-bo-5', '99&#x002F;BC-NB', 1, 1, 0, 0, '', '', '<p>Nội bộ.</p>',
 '', '4', '4', '', 1, 0, 1727715600, 1727715600, 1727715600, 0, 0, 0, 0),
(6, '', '', 'Thông báo có tệp cho thành viên', 'thong-bao-tep-thanh-vien-6', '7&#x002F;TB-VP', 1, 1, 0, 0, '', '', '<p>Tệp chỉ dành cho thành viên.</p>',
 '', '6', '4', '2024_07/cv-6748-ubnd-nl5.pdf', 1, 0, 1557075600, 1557075600, 1557075600, 0, 0, 0, 0);

INSERT INTO nv4_vi_van_ban_row_area (row_id, area_id) VALUES (1, 1), (1, 2), (2, 1), (3, 3);

-- Polls (the voting module). Questions and answers fully encoded. 1 takes
-- one answer from anyone; 2 up to two, from members once each (vote_one);
-- 3 has ended; 4 is switched off; 5 is for a members' group only.
INSERT INTO nv4_vi_voting (vid, question, acceptcm, groups_view, publ_time, exp_time, act, vote_one) VALUES
(1, 'Bạn biết đến Chương trình OCOP qua kênh nào?', 1, '6', 1719792000, 0, 1, 0),
(2, 'Xã bạn cần ưu tiên tiêu chí nào &#40;chọn tối đa 2&#41;', 2, '6', 1719878400, 0, 1, 1),
(3, 'Đánh giá hội nghị sơ kết 6 tháng', 1, '6', 1717200000, 1718000000, 1, 0),
(4, 'Câu hỏi đã tắt', 1, '6', 1719792000, 0, 0, 0),
(5, 'Câu hỏi cho nhóm cán bộ', 1, '4', 1719792000, 0, 1, 0);

INSERT INTO nv4_vi_voting_rows (id, vid, title, url, hitstotal) VALUES
(1, 1, 'Báo, đài', '', 120),
(2, 1, 'Mạng xã hội &#40;Zalo, Facebook&#41;', '', 95),
(3, 1, 'Cán bộ thôn, xã', '', 40),
(4, 2, 'Giao thông', '', 10),
(5, 2, 'Môi trường', '', 8),
(6, 2, 'Thu nhập', '', 4294967295),
(7, 3, 'Tốt', '', 30),
(8, 3, 'Chưa tốt', '', 2),
(9, 4, 'Có', '', 1),
(10, 5, 'Có', '', 1);

INSERT INTO nv4_vi_voting_voted (vid, voted) VALUES (2, '5,9');

-- Visit counts by period, the last counted at 2024-12-31 23:50 in Vietnam
-- (1735663800): the tests' first visit, on 2025-01-01, begins a new year.
-- The site counts visits and who is online.
INSERT INTO nv4_config (lang, module, config_name, config_value) VALUES
('sys', 'site', 'statistic', '1'),
('sys', 'site', 'online_upd', '1');
-- Every row NukeViet's installer makes (years up to the last visit's,
-- months, days of the month and of the week, hours), then the counts.
INSERT INTO nv4_counter (c_type, c_val, last_update, c_count, vi_count) VALUES
('c_time', 'start', 0, 1262304000, 0), ('c_time', 'last', 0, 1735663800, 0), ('total', 'hits', 0, 0, 0), ('year', '2016', 0, 0, 0), ('year', '2017', 0, 0, 0), ('year', '2018', 0, 0, 0),
('year', '2019', 0, 0, 0), ('year', '2020', 0, 0, 0), ('year', '2021', 0, 0, 0), ('year', '2022', 0, 0, 0), ('year', '2023', 0, 0, 0), ('year', '2024', 0, 0, 0),
('month', 'Jan', 0, 0, 0), ('month', 'Feb', 0, 0, 0), ('month', 'Mar', 0, 0, 0), ('month', 'Apr', 0, 0, 0), ('month', 'May', 0, 0, 0), ('month', 'Jun', 0, 0, 0),
('month', 'Jul', 0, 0, 0), ('month', 'Aug', 0, 0, 0), ('month', 'Sep', 0, 0, 0), ('month', 'Oct', 0, 0, 0), ('month', 'Nov', 0, 0, 0), ('month', 'Dec', 0, 0, 0),
('day', '01', 0, 0, 0), ('day', '02', 0, 0, 0), ('day', '03', 0, 0, 0), ('day', '04', 0, 0, 0), ('day', '05', 0, 0, 0), ('day', '06', 0, 0, 0),
('day', '07', 0, 0, 0), ('day', '08', 0, 0, 0), ('day', '09', 0, 0, 0), ('day', '10', 0, 0, 0), ('day', '11', 0, 0, 0), ('day', '12', 0, 0, 0),
('day', '13', 0, 0, 0), ('day', '14', 0, 0, 0), ('day', '15', 0, 0, 0), ('day', '16', 0, 0, 0), ('day', '17', 0, 0, 0), ('day', '18', 0, 0, 0),
('day', '19', 0, 0, 0), ('day', '20', 0, 0, 0), ('day', '21', 0, 0, 0), ('day', '22', 0, 0, 0), ('day', '23', 0, 0, 0), ('day', '24', 0, 0, 0),
('day', '25', 0, 0, 0), ('day', '26', 0, 0, 0), ('day', '27', 0, 0, 0), ('day', '28', 0, 0, 0), ('day', '29', 0, 0, 0), ('day', '30', 0, 0, 0),
('day', '31', 0, 0, 0), ('dayofweek', 'Sunday', 0, 0, 0), ('dayofweek', 'Monday', 0, 0, 0), ('dayofweek', 'Tuesday', 0, 0, 0), ('dayofweek', 'Wednesday', 0, 0, 0), ('dayofweek', 'Thursday', 0, 0, 0),
('dayofweek', 'Friday', 0, 0, 0), ('dayofweek', 'Saturday', 0, 0, 0), ('hour', '00', 0, 0, 0), ('hour', '01', 0, 0, 0), ('hour', '02', 0, 0, 0), ('hour', '03', 0, 0, 0),
('hour', '04', 0, 0, 0), ('hour', '05', 0, 0, 0), ('hour', '06', 0, 0, 0), ('hour', '07', 0, 0, 0), ('hour', '08', 0, 0, 0), ('hour', '09', 0, 0, 0),
('hour', '10', 0, 0, 0), ('hour', '11', 0, 0, 0), ('hour', '12', 0, 0, 0), ('hour', '13', 0, 0, 0), ('hour', '14', 0, 0, 0), ('hour', '15', 0, 0, 0),
('hour', '16', 0, 0, 0), ('hour', '17', 0, 0, 0), ('hour', '18', 0, 0, 0), ('hour', '19', 0, 0, 0), ('hour', '20', 0, 0, 0), ('hour', '21', 0, 0, 0),
('hour', '22', 0, 0, 0), ('hour', '23', 0, 0, 0);
UPDATE nv4_counter SET c_count = CASE CONCAT(c_type, '/', c_val)
  WHEN 'total/hits' THEN 90123456 WHEN 'year/2024' THEN 8000000
  WHEN 'month/Jan' THEN 550000 WHEN 'month/Dec' THEN 600000
  WHEN 'day/01' THEN 21000 WHEN 'day/02' THEN 20500 WHEN 'day/31' THEN 22000
  WHEN 'dayofweek/Tuesday' THEN 1100000 WHEN 'dayofweek/Wednesday' THEN 1000000
  WHEN 'dayofweek/Thursday' THEN 1000000
  WHEN 'hour/07' THEN 900 WHEN 'hour/23' THEN 800 ELSE c_count END
WHERE c_type <> 'c_time';
UPDATE nv4_counter SET vi_count = c_count WHERE c_type <> 'c_time';
-- Browsers of the old site, seen in the last minutes; one an hour ago.
INSERT INTO nv4_sessions (session_id, userid, username, onl_time) VALUES
('php-guest', 0, 'guest', 1735689540),
('php-member', 5, 'bientap', 1735689500),
('php-bot', 0, 'bot:googlebot', 1735689570),
('php-old', 0, 'guest', 1735685600);

-- Members, with passwords in NukeViet's hash formats (salted SHA-512 by
-- default, older salted SHA-1 and SHA-256, unsalted SHA-1 and MD5); one
-- whose password holds quotes, hashed as NukeViet's request filter leaves
-- it (`"` as &quot;); one locked; one with two-step sign-in. Passwords:
-- bientap `Mật-khẩu 2024`, nongdan `matkhau-cu`, khoa `khoa-tai-khoan`,
-- hai-buoc `hai-buoc-2024`, dacbiet `Nhà "Xanh" 2024`, cu-md5
-- `md5-cu-2019`, cu-sha `sha-cu-2018`.
INSERT INTO nv4_users (userid, group_id, username, md5username, password, email, first_name, last_name, regdate, active, active2step) VALUES
(5, 4, 'bientap', 'cc7cdc6bc83c0a49f859bcf79f9079c0', '{SSHA512}WZaVVouB1lSO5LxYRjp+WfknrgDs3j1cEQRxKc9+Afw6hmzaMcQutiGdDAwuGs3gWCQOh8OCtjbGaEo+jpyc3WExYjI=', 'bientap@nongthonmoi.example.vn', 'Lan', 'Nguyễn Thị', 1700000000, 1, 0),
(9, 4, 'nongdan', '0056481c6655d9ffeca52a4d312d6dde', '{SSHA}UBh1WIfvyEMkS75DEuFi9JmWXugwZjNl', 'nongdan@example.vn', '', '', 1600000000, 1, 0),
(10, 4, 'khoa', 'e8ed38edd226e6d0bb0f65e07d8f3f55', '{SSHA512}oumIA24E3mOV106ifNsbbUOhrEjlAoKk6i1y/tQEQ71Tu4lRypn5zOwckaulRHknbCrHNKGcwRHneu85Q2anVmJlZWY=', 'khoa@example.vn', 'Khóa', 'Trần', 1600000000, 0, 0),
(11, 4, 'hai-buoc', '171da6b92dc8ccdb126085f122e75153', '{SSHA256}xH4OzqqSvYRRDESLoIl/+KXr3hruykOScKAsQZk/97MxMjM0', 'haibuoc@example.vn', 'Bước', 'Hai', 1600000000, 1, 1),
(12, 4, 'dacbiet', 'ea616a57c98a28c86b33411237676e41', '{SSHA512}ciLhFZt1FH3kQ/o+iAiHeqJZrZLD/Ry12pKIr8iinISqHIoSnOfZbJRmNTC1PEe5xfSiJ7OjotiihloBIS526zlhYmM=', 'dacbiet@example.vn', 'Xanh', 'Lê', 1600000000, 1, 0),
(13, 4, 'cu-md5', '98175b3a03ca59931e58d02daaa6e09a', '{MD5}KlHHS+z/+399XM13Y4oXYw==', 'md5@example.vn', '', '', 1500000000, 1, 0),
(14, 4, 'cu-sha', '040fd706625c9fe950ab136fa9d66068', '{SHA}B0sCiQ+umeZAwIzOfoKZlvWYjao=', 'sha@example.vn', '', '', 1500000000, 1, 0);

-- The English side: a page module switched off, then the one served. Its
-- pages: two on (the second by weight first), one off. Titles and
-- descriptions are stored encoded, a description with its line break as
-- NukeViet keeps it; a body with a script an editor's paste brought in.
INSERT INTO nv4_en_modules (title, module_file, module_data, module_upload, custom_title, groups_view, weight, act) VALUES
('old-about', 'page', 'old_about', 'old-about', 'Old pages', '6', 1, 0),
('about', 'page', 'gioi_thieu', 'about', 'About', '6', 2, 1),
('news', 'news', 'news', 'news', 'News', '6', 3, 1);

INSERT INTO nv4_en_gioi_thieu (id, title, alias, description, bodytext, weight, status) VALUES
(1, 'About us', 'about-us', 'Who we are &amp; what we do<br />in Ha Tinh', '<h2>Who we are</h2><p>The office that coordinates the <strong>New Rural Development</strong> programme.</p><script>alert(1)</script>', 2, 1),
(2, 'Projects &amp; partners', 'projects-partners', '', '<p>OCOP and partners.</p>', 1, 1),
(3, 'Draft page', 'draft-page', '', '<p>Not yet.</p>', 3, 0);
