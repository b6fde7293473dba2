-- The tables of a NukeViet 4.5 site that the NukeViet mode reads, as NukeViet
-- 4.5's installer creates them (columns, types, keys, MyISAM), written for
-- these tests from reading its table definitions; no NukeViet code or data.
-- The news module is installed under the title `tin-tuc` with module_data
-- `tin_tuc`, as a site may rename it: the backend must find it through the
-- modules table.

CREATE TABLE nv4_config (
  lang varchar(3) NOT NULL DEFAULT 'sys',
  module varchar(50) NOT NULL DEFAULT 'global',
  config_name varchar(30) NOT NULL DEFAULT '',
  config_value text,
  UNIQUE KEY lang (lang, module, config_name)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_modules (
  title varchar(50) NOT NULL,
  module_file varchar(50) NOT NULL DEFAULT '',
  module_data varchar(50) NOT NULL DEFAULT '',
  module_upload varchar(50) NOT NULL DEFAULT '',
  module_theme varchar(50) NOT NULL DEFAULT '',
  custom_title varchar(255) NOT NULL,
  site_title varchar(255) NOT NULL DEFAULT '',
  admin_title varchar(255) NOT NULL DEFAULT '',
  set_time int(11) unsigned NOT NULL DEFAULT '0',
  main_file tinyint(1) unsigned NOT NULL DEFAULT '0',
  admin_file tinyint(1) unsigned NOT NULL DEFAULT '0',
  theme varchar(100) DEFAULT '',
  mobile varchar(100) DEFAULT '',
  description varchar(255) DEFAULT '',
  keywords text,
  groups_view varchar(255) NOT NULL,
  weight tinyint(3) unsigned NOT NULL DEFAULT '1',
  act tinyint(1) unsigned NOT NULL DEFAULT '0',
  admins varchar(4000) DEFAULT '',
  rss tinyint(4) NOT NULL DEFAULT '1',
  sitemap tinyint(4) NOT NULL DEFAULT '1',
  PRIMARY KEY (title)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_tin_tuc_cat (
  catid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  parentid smallint(5) unsigned NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL,
  titlesite varchar(250) DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  description text,
  descriptionhtml text,
  image varchar(255) DEFAULT '',
  viewdescription tinyint(2) NOT NULL DEFAULT '0',
  weight smallint(5) unsigned NOT NULL DEFAULT '0',
  sort smallint(5) NOT NULL DEFAULT '0',
  lev smallint(5) NOT NULL DEFAULT '0',
  viewcat varchar(50) NOT NULL DEFAULT 'viewcat_page_new',
  numsubcat smallint(5) NOT NULL DEFAULT '0',
  subcatid varchar(255) DEFAULT '',
  numlinks tinyint(2) unsigned NOT NULL DEFAULT '3',
  newday tinyint(2) unsigned NOT NULL DEFAULT '2',
  featured int(11) NOT NULL DEFAULT '0',
  ad_block_cat varchar(255) NOT NULL DEFAULT '',
  layout_func varchar(100) NOT NULL DEFAULT '',
  keywords text,
  admins text,
  add_time int(11) unsigned NOT NULL DEFAULT '0',
  edit_time int(11) unsigned NOT NULL DEFAULT '0',
  groups_view varchar(255) DEFAULT '',
  status smallint(4) NOT NULL DEFAULT '1',
  PRIMARY KEY (catid),
  UNIQUE KEY alias (alias),
  KEY parentid (parentid),
  KEY status (status)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_tin_tuc_sources (
  sourceid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(250) NOT NULL DEFAULT '',
  link varchar(255) DEFAULT '',
  logo varchar(255) DEFAULT '',
  weight mediumint(8) unsigned NOT NULL DEFAULT '0',
  add_time int(11) unsigned NOT NULL,
  edit_time int(11) unsigned NOT NULL,
  PRIMARY KEY (sourceid),
  UNIQUE KEY title (title)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_tin_tuc_rows (
  id int(11) unsigned NOT NULL AUTO_INCREMENT,
  catid smallint(5) unsigned NOT NULL DEFAULT '0',
  listcatid varchar(255) NOT NULL DEFAULT '',
  topicid smallint(5) unsigned NOT NULL DEFAULT '0',
  admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
  author varchar(250) DEFAULT '',
  sourceid mediumint(8) NOT NULL DEFAULT '0',
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  edittime int(11) unsigned NOT NULL DEFAULT '0',
  status tinyint(4) NOT NULL DEFAULT '1',
  weight int(11) unsigned NOT NULL DEFAULT '0',
  publtime int(11) unsigned NOT NULL DEFAULT '0',
  exptime int(11) unsigned NOT NULL DEFAULT '0',
  archive tinyint(1) unsigned NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  hometext text NOT NULL,
  homeimgfile varchar(255) DEFAULT '',
  homeimgalt varchar(255) DEFAULT '',
  homeimgthumb tinyint(4) NOT NULL DEFAULT '0',
  inhome tinyint(1) unsigned NOT NULL DEFAULT '0',
  allowed_comm varchar(255) DEFAULT '',
  allowed_rating tinyint(1) unsigned NOT NULL DEFAULT '0',
  external_link tinyint(1) unsigned NOT NULL DEFAULT '0',
  hitstotal mediumint(8) unsigned NOT NULL DEFAULT '0',
  hitscm mediumint(8) unsigned NOT NULL DEFAULT '0',
  total_rating int(11) NOT NULL DEFAULT '0',
  click_rating int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  KEY catid (catid),
  KEY topicid (topicid),
  KEY admin_id (admin_id),
  KEY author (author),
  KEY title (title),
  KEY addtime (addtime),
  KEY edittime (edittime),
  KEY publtime (publtime),
  KEY exptime (exptime),
  KEY status (status)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_tin_tuc_detail (
  id int(11) unsigned NOT NULL,
  titlesite varchar(255) NOT NULL DEFAULT '',
  description text NOT NULL,
  bodyhtml longtext NOT NULL,
  voicedata text NULL DEFAULT NULL,
  keywords varchar(255) DEFAULT '',
  sourcetext varchar(255) DEFAULT '',
  files text,
  imgposition tinyint(1) NOT NULL DEFAULT '1',
  layout_func varchar(100) DEFAULT '',
  copyright tinyint(1) NOT NULL DEFAULT '0',
  allowed_send tinyint(1) NOT NULL DEFAULT '0',
  allowed_print tinyint(1) NOT NULL DEFAULT '0',
  allowed_save tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_tin_tuc_tags (
  tid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  numnews mediumint(8) NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  image varchar(255) DEFAULT '',
  description text,
  keywords varchar(255) DEFAULT '',
  PRIMARY KEY (tid),
  UNIQUE KEY alias (alias)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_tin_tuc_tags_id (
  id int(11) NOT NULL,
  tid mediumint(9) NOT NULL,
  keyword varchar(65) NOT NULL,
  UNIQUE KEY id_tid (id, tid),
  KEY tid (tid)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_menu (
  id smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(50) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY title (title)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_menu_rows (
  id mediumint(5) NOT NULL AUTO_INCREMENT,
  parentid mediumint(5) unsigned NOT NULL,
  mid smallint(5) NOT NULL DEFAULT '0',
  title varchar(255) NOT NULL,
  link text NOT NULL,
  icon varchar(255) DEFAULT '',
  image varchar(255) DEFAULT '',
  note varchar(255) DEFAULT '',
  weight int(11) NOT NULL,
  sort int(11) NOT NULL DEFAULT '0',
  lev int(11) NOT NULL DEFAULT '0',
  subitem text,
  groups_view varchar(255) DEFAULT '',
  module_name varchar(255) DEFAULT '',
  op varchar(255) DEFAULT '',
  target tinyint(4) DEFAULT 0,
  css varchar(255) DEFAULT '',
  active_type tinyint(1) unsigned NOT NULL DEFAULT '0',
  status tinyint(1) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  KEY parentid (parentid, mid)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

-- The laws module (issued documents), installed as `van-ban` with
-- module_data `van_ban`, from module-laws 4.5's table definitions.
CREATE TABLE nv4_vi_van_ban_area (
  id smallint(4) unsigned NOT NULL AUTO_INCREMENT,
  parentid smallint(4) unsigned NOT NULL DEFAULT '0',
  alias varchar(249) NOT NULL,
  title varchar(249) NOT NULL,
  introduction mediumtext NOT NULL,
  keywords varchar(255) NOT NULL,
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  weight smallint(4) unsigned NOT NULL DEFAULT '0',
  sort smallint(5) unsigned NOT NULL DEFAULT '1',
  lev tinyint(1) unsigned NOT NULL DEFAULT '0',
  numsubcat tinyint(1) unsigned NOT NULL DEFAULT '0',
  subcatid varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  UNIQUE KEY alias (alias, parentid),
  KEY weight (weight),
  KEY sort (sort)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_van_ban_cat (
  id smallint(4) unsigned NOT NULL AUTO_INCREMENT,
  parentid smallint(4) unsigned NOT NULL DEFAULT '0',
  alias varchar(249) NOT NULL,
  title varchar(249) NOT NULL,
  introduction mediumtext NOT NULL,
  keywords varchar(255) NOT NULL,
  newday tinyint(2) unsigned NOT NULL DEFAULT '5',
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  weight smallint(4) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY alias (alias, parentid),
  KEY weight (weight)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_van_ban_subject (
  id smallint(4) unsigned NOT NULL AUTO_INCREMENT,
  alias varchar(250) NOT NULL,
  title varchar(250) NOT NULL,
  introduction mediumtext NOT NULL,
  keywords varchar(255) NOT NULL,
  numcount int(10) NOT NULL DEFAULT '0',
  numlink tinyint(2) NOT NULL DEFAULT '5',
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  weight smallint(4) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY alias (alias),
  KEY weight (weight)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_van_ban_row (
  id int(10) NOT NULL AUTO_INCREMENT,
  replacement varchar(255) NOT NULL DEFAULT '',
  relatement varchar(255) NOT NULL DEFAULT '',
  title varchar(255) NOT NULL,
  alias varchar(255) NOT NULL,
  code varchar(50) NOT NULL,
  cid smallint(4) unsigned NOT NULL DEFAULT '0',
  sid smallint(4) unsigned NOT NULL DEFAULT '0',
  eid smallint(4) unsigned NOT NULL DEFAULT '0',
  sgid smallint(4) unsigned NOT NULL DEFAULT '0',
  note text NOT NULL,
  introtext text NOT NULL,
  bodytext text NOT NULL,
  keywords varchar(255) NOT NULL,
  groups_view varchar(255) NOT NULL,
  groups_download varchar(255) NOT NULL,
  files mediumtext NOT NULL,
  status tinyint(1) NOT NULL,
  approval tinyint(1) NOT NULL,
  addtime int(11) NOT NULL,
  edittime int(11) NOT NULL,
  publtime int(11) NOT NULL DEFAULT '0',
  start_comm_time int(11) NULL,
  end_comm_time int(11) NULL,
  startvalid int(11) NOT NULL DEFAULT '0',
  exptime int(11) NOT NULL DEFAULT '0',
  view_hits mediumint(8) unsigned NOT NULL DEFAULT '0',
  download_hits mediumint(8) unsigned NOT NULL DEFAULT '0',
  admin_add mediumint(8) unsigned NOT NULL DEFAULT '0',
  admin_edit mediumint(8) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_van_ban_row_area (
  row_id int(10) unsigned NOT NULL,
  area_id smallint(4) unsigned NOT NULL,
  UNIQUE KEY alias (row_id, area_id)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_van_ban_signer (
  id smallint(4) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(255) NOT NULL,
  offices varchar(255) NOT NULL DEFAULT '',
  positions varchar(255) NOT NULL DEFAULT '',
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

-- The voting module, installed as `voting`.
CREATE TABLE nv4_vi_voting (
  vid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  question varchar(250) NOT NULL,
  link varchar(255) DEFAULT '',
  acceptcm int(2) NOT NULL DEFAULT '1',
  active_captcha tinyint(1) unsigned NOT NULL DEFAULT '0',
  admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
  groups_view varchar(255) DEFAULT '',
  publ_time int(11) unsigned NOT NULL DEFAULT '0',
  exp_time int(11) unsigned NOT NULL DEFAULT '0',
  act tinyint(1) unsigned NOT NULL DEFAULT '0',
  vote_one tinyint(1) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (vid),
  UNIQUE KEY question (question)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_voting_rows (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  vid smallint(5) unsigned NOT NULL,
  title varchar(245) NOT NULL DEFAULT '',
  url varchar(255) DEFAULT '',
  hitstotal int(11) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY vid (vid, title)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_voting_voted (
  vid smallint(5) unsigned NOT NULL,
  voted text,
  UNIQUE KEY vid (vid)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

-- Visit statistics and who is online, as the core installs them.
CREATE TABLE nv4_counter (
  c_type varchar(100) NOT NULL,
  c_val varchar(100) NOT NULL,
  last_update int(11) NOT NULL DEFAULT '0',
  c_count int(11) unsigned NOT NULL DEFAULT '0',
  vi_count int(11) unsigned NOT NULL DEFAULT '0',
  UNIQUE KEY c_type (c_type, c_val)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_sessions (
  session_id varchar(50) DEFAULT NULL,
  userid mediumint(8) unsigned NOT NULL DEFAULT '0',
  username varchar(100) NOT NULL,
  onl_time int(11) unsigned NOT NULL DEFAULT '0',
  UNIQUE KEY session_id (session_id),
  KEY onl_time (onl_time)
) ENGINE=MEMORY DEFAULT CHARSET=utf8mb4;

-- Members (the users module, global: no language in its name).
CREATE TABLE nv4_users (
  userid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  group_id smallint(5) unsigned NOT NULL DEFAULT '0',
  username varchar(100) NOT NULL DEFAULT '',
  md5username char(32) NOT NULL DEFAULT '',
  password varchar(150) NOT NULL DEFAULT '',
  email varchar(100) NOT NULL DEFAULT '',
  first_name varchar(100) NOT NULL DEFAULT '',
  last_name varchar(100) NOT NULL DEFAULT '',
  gender char(1) DEFAULT '',
  photo varchar(255) DEFAULT '',
  birthday int(11) NOT NULL DEFAULT '0',
  sig text,
  regdate int(11) NOT NULL DEFAULT '0',
  question varchar(255) NOT NULL DEFAULT '',
  answer varchar(255) NOT NULL DEFAULT '',
  passlostkey varchar(50) DEFAULT '',
  view_mail tinyint(1) unsigned NOT NULL DEFAULT '0',
  remember tinyint(1) unsigned NOT NULL DEFAULT '0',
  in_groups varchar(255) DEFAULT '',
  active tinyint(1) unsigned NOT NULL DEFAULT '0',
  active2step tinyint(1) unsigned NOT NULL DEFAULT '0',
  secretkey varchar(20) DEFAULT '',
  checknum varchar(40) DEFAULT '',
  last_login int(11) unsigned NOT NULL DEFAULT '0',
  last_ip varchar(45) DEFAULT '',
  last_agent varchar(255) DEFAULT '',
  last_openid varchar(255) DEFAULT '',
  last_update int(11) unsigned NOT NULL DEFAULT '0',
  idsite int(11) NOT NULL DEFAULT '0',
  safemode tinyint(1) unsigned NOT NULL DEFAULT '0',
  safekey varchar(40) DEFAULT '',
  email_verification_time int(11) NOT NULL DEFAULT '-1',
  active_obj varchar(50) NOT NULL DEFAULT 'SYSTEM',
  PRIMARY KEY (userid),
  UNIQUE KEY username (username),
  UNIQUE KEY md5username (md5username),
  UNIQUE KEY email (email),
  KEY idsite (idsite)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

-- The English side of the site: its own modules table, and a page module
-- ("about") whose pages are for foreign readers.
CREATE TABLE nv4_en_modules LIKE nv4_vi_modules;

CREATE TABLE nv4_en_gioi_thieu (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(250) NOT NULL,
  alias varchar(250) NOT NULL,
  image varchar(255) DEFAULT '',
  imagealt varchar(255) DEFAULT '',
  imageposition tinyint(1) unsigned NOT NULL DEFAULT '0',
  description text,
  bodytext mediumtext NOT NULL,
  keywords text,
  socialbutton tinyint(4) NOT NULL DEFAULT '0',
  activecomm varchar(255) DEFAULT '',
  layout_func varchar(100) DEFAULT '',
  weight smallint(4) NOT NULL DEFAULT '0',
  admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
  add_time int(11) NOT NULL DEFAULT '0',
  edit_time int(11) NOT NULL DEFAULT '0',
  status tinyint(1) unsigned NOT NULL DEFAULT '0',
  hitstotal mediumint(8) unsigned NOT NULL DEFAULT '0',
  hot_post tinyint(1) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY alias (alias)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
