/**
 * Main seaports, cargo airports and rail hubs by UN/LOCODE, for lane pickers (POL → POD) and search.
 *
 * Source: kept by hand. No npm package ships UN/LOCODE data fit for this: `sea-ports` (0.0.x, unmaintained) is a
 * 500 kB seaport-only scrape that mixes in carrier codes, and there is no `unlocode` or `@geoapify/un-locode` on
 * the registry. Codes are cross-checked against published copies of the UN/LOCODE list; Chinese names are the ones
 * forwarders write on bookings. Where UN/LOCODE gives an airport its own code (CNPVG, CNPEK, CNSZX, JPNRT,
 * GBLHR…) that code is listed; a city code that serves ships and planes alike is kind 'both'.
 */
export const portKinds = ['seaport', 'airport', 'both', 'rail'] as const;
export type PortKind = (typeof portKinds)[number];

export interface Port {
  code: string;
  nameEn: string;
  nameZh: string;
  /** Pinyin initials of the Chinese name (上海 → sh), so users can type them. */
  nameZhInitials: string;
  /** ISO 3166-1 alpha-2, the first two letters of the code. */
  country: string;
  kind: PortKind;
}

type PortRow = readonly [code: string, nameEn: string, nameZh: string, nameZhInitials: string, kind: PortKind];

// Grouped by region, the busiest first, so an empty search offers the ports most bookings use.
const rows: readonly PortRow[] = [
  // China — seaports
  ['CNSHA', 'Shanghai', '上海', 'sh', 'seaport'],
  ['CNNGB', 'Ningbo', '宁波', 'nb', 'both'],
  ['CNYTN', 'Yantian', '盐田', 'yt', 'seaport'],
  ['CNSHK', 'Shekou', '蛇口', 'sk', 'seaport'],
  ['CNCWN', 'Chiwan', '赤湾', 'cw', 'seaport'],
  ['CNCAN', 'Guangzhou', '广州', 'gz', 'both'],
  ['CNNSA', 'Nansha', '南沙', 'ns', 'seaport'],
  ['CNHUA', 'Huangpu', '黄埔', 'hp', 'seaport'],
  ['CNTAO', 'Qingdao', '青岛', 'qd', 'both'],
  ['CNTXG', 'Tianjin Xingang', '天津新港', 'tjxg', 'seaport'],
  ['CNTSN', 'Tianjin', '天津', 'tj', 'both'],
  ['CNXMN', 'Xiamen', '厦门', 'xm', 'both'],
  ['CNDLC', 'Dalian', '大连', 'dl', 'both'],
  ['CNLYG', 'Lianyungang', '连云港', 'lyg', 'seaport'],
  ['CNFOC', 'Fuzhou', '福州', 'fz', 'both'],
  ['CNYIK', 'Yingkou', '营口', 'yk', 'seaport'],
  ['CNRZH', 'Rizhao', '日照', 'rz', 'seaport'],
  ['CNYNT', 'Yantai', '烟台', 'yt', 'both'],
  ['CNWEI', 'Weihai', '威海', 'wh', 'seaport'],
  ['CNSHP', 'Qinhuangdao', '秦皇岛', 'qhd', 'seaport'],
  ['CNZJG', 'Zhangjiagang', '张家港', 'zjg', 'seaport'],
  ['CNTAG', 'Taicang', '太仓', 'tc', 'seaport'],
  ['CNNTG', 'Nantong', '南通', 'nt', 'seaport'],
  ['CNJIA', 'Jiangyin', '江阴', 'jy', 'seaport'],
  ['CNNKG', 'Nanjing', '南京', 'nj', 'both'],
  ['CNZHE', 'Zhenjiang', '镇江', 'zj', 'seaport'],
  ['CNYZH', 'Yangzhou', '扬州', 'yz', 'seaport'],
  ['CNWHI', 'Wuhu', '芜湖', 'wh', 'seaport'],
  ['CNJIU', 'Jiujiang', '九江', 'jj', 'seaport'],
  ['CNWUH', 'Wuhan', '武汉', 'wh', 'both'],
  ['CNCKG', 'Chongqing', '重庆', 'cq', 'both'],
  ['CNZUH', 'Zhuhai', '珠海', 'zh', 'seaport'],
  ['CNZSN', 'Zhongshan', '中山', 'zs', 'seaport'],
  ['CNJMN', 'Jiangmen', '江门', 'jm', 'seaport'],
  ['CNFOS', 'Foshan', '佛山', 'fs', 'seaport'],
  ['CNDGG', 'Dongguan', '东莞', 'dg', 'seaport'],
  ['CNHUI', 'Huizhou', '惠州', 'hz', 'seaport'],
  ['CNSTG', 'Shantou', '汕头', 'st', 'seaport'],
  ['CNQZJ', 'Quanzhou', '泉州', 'qz', 'seaport'],
  ['CNWNZ', 'Wenzhou', '温州', 'wz', 'both'],
  ['CNTZO', 'Taizhou', '台州', 'tz', 'seaport'],
  ['CNZOS', 'Zhoushan', '舟山', 'zs', 'seaport'],
  ['CNQZH', 'Qinzhou', '钦州', 'qz', 'seaport'],
  ['CNFAN', 'Fangchenggang', '防城港', 'fcg', 'seaport'],
  ['CNBHY', 'Beihai', '北海', 'bh', 'both'],
  ['CNHAK', 'Haikou', '海口', 'hk', 'both'],
  ['CNYPG', 'Yangpu', '洋浦', 'yp', 'seaport'],
  // China — airports and rail
  ['CNPVG', 'Shanghai Pudong', '上海浦东', 'shpd', 'airport'],
  ['CNPEK', 'Beijing Capital', '北京首都', 'bjsd', 'airport'],
  ['CNPKX', 'Beijing Daxing', '北京大兴', 'bjdx', 'airport'],
  ['CNSZX', "Shenzhen Bao'an", '深圳宝安', 'szba', 'airport'],
  ['CNCTU', 'Chengdu', '成都', 'cd', 'airport'],
  ['CNCGO', 'Zhengzhou', '郑州', 'zz', 'airport'],
  ['CNSIA', "Xi'an", '西安', 'xa', 'airport'],
  ['CNKMG', 'Kunming', '昆明', 'km', 'airport'],
  ['CNHGH', 'Hangzhou', '杭州', 'hz', 'airport'],
  ['CNCSX', 'Changsha', '长沙', 'cs', 'airport'],
  ['CNSHE', 'Shenyang', '沈阳', 'sy', 'airport'],
  ['CNHRB', 'Harbin', '哈尔滨', 'heb', 'airport'],
  ['CNURC', 'Urumqi', '乌鲁木齐', 'wlmq', 'airport'],
  ['CNNNG', 'Nanning', '南宁', 'nn', 'airport'],
  ['CNKWE', 'Guiyang', '贵阳', 'gy', 'airport'],
  ['CNTNA', 'Jinan', '济南', 'jn', 'airport'],
  ['CNHFE', 'Hefei', '合肥', 'hf', 'airport'],
  ['CNAKL', 'Alashankou', '阿拉山口', 'alsk', 'rail'],
  // Hong Kong, Macao, Taiwan
  ['HKHKG', 'Hong Kong', '香港', 'xg', 'both'],
  ['MOMFM', 'Macao', '澳门', 'am', 'both'],
  ['TWKHH', 'Kaohsiung', '高雄', 'gx', 'both'],
  ['TWKEL', 'Keelung', '基隆', 'jl', 'seaport'],
  ['TWTXG', 'Taichung', '台中', 'tz', 'seaport'],
  ['TWTPE', 'Taipei', '台北', 'tb', 'both'],
  // Japan and Korea
  ['JPTYO', 'Tokyo', '东京', 'dj', 'both'],
  ['JPYOK', 'Yokohama', '横滨', 'hb', 'seaport'],
  ['JPOSA', 'Osaka', '大阪', 'db', 'seaport'],
  ['JPUKB', 'Kobe', '神户', 'sh', 'seaport'],
  ['JPNGO', 'Nagoya', '名古屋', 'mgw', 'both'],
  ['JPHKT', 'Hakata', '博多', 'bd', 'seaport'],
  ['JPMOJ', 'Moji', '门司', 'ms', 'seaport'],
  ['JPSMZ', 'Shimizu', '清水', 'qs', 'seaport'],
  ['JPNRT', 'Tokyo Narita', '东京成田', 'djct', 'airport'],
  ['JPHND', 'Tokyo Haneda', '东京羽田', 'djyt', 'airport'],
  ['JPKIX', 'Osaka Kansai', '大阪关西', 'dbgx', 'airport'],
  ['JPFUK', 'Fukuoka', '福冈', 'fg', 'airport'],
  ['KRPUS', 'Busan', '釜山', 'fs', 'both'],
  ['KRINC', 'Incheon', '仁川', 'rc', 'both'],
  ['KRSEL', 'Seoul', '首尔', 'se', 'airport'],
  ['KRKAN', 'Gwangyang', '光阳', 'gy', 'seaport'],
  ['KRPTK', 'Pyeongtaek', '平泽', 'pz', 'seaport'],
  ['KRUSN', 'Ulsan', '蔚山', 'ws', 'seaport'],
  // Southeast Asia
  ['SGSIN', 'Singapore', '新加坡', 'xjp', 'both'],
  ['MYPKG', 'Port Klang', '巴生港', 'bsg', 'seaport'],
  ['MYTPP', 'Tanjung Pelepas', '丹戎帕拉帕斯', 'drplps', 'seaport'],
  ['MYPGU', 'Pasir Gudang', '巴西古当', 'bxgd', 'seaport'],
  ['MYPEN', 'Penang', '槟城', 'bc', 'both'],
  ['MYKUL', 'Kuala Lumpur', '吉隆坡', 'jlp', 'airport'],
  ['THLCH', 'Laem Chabang', '林查班', 'lcb', 'seaport'],
  ['THBKK', 'Bangkok', '曼谷', 'mg', 'both'],
  ['VNSGN', 'Ho Chi Minh City', '胡志明市', 'hzms', 'both'],
  ['VNCMT', 'Cai Mep', '盖梅', 'gm', 'seaport'],
  ['VNHPH', 'Haiphong', '海防', 'hf', 'seaport'],
  ['VNHAN', 'Hanoi', '河内', 'hn', 'airport'],
  ['VNDAD', 'Da Nang', '岘港', 'xg', 'both'],
  ['IDJKT', 'Jakarta', '雅加达', 'yjd', 'both'],
  ['IDSUB', 'Surabaya', '泗水', 'ss', 'both'],
  ['IDSRG', 'Semarang', '三宝垄', 'sbl', 'seaport'],
  ['IDBLW', 'Belawan', '勿拉湾', 'wlw', 'seaport'],
  ['PHMNL', 'Manila', '马尼拉', 'mnl', 'both'],
  ['PHCEB', 'Cebu', '宿务', 'sw', 'both'],
  ['KHPNH', 'Phnom Penh', '金边', 'jb', 'both'],
  ['KHKOS', 'Sihanoukville', '西哈努克', 'xhnk', 'seaport'],
  ['MMRGN', 'Yangon', '仰光', 'yg', 'both'],
  // South Asia
  ['INNSA', 'Nhava Sheva', '那瓦舍瓦', 'nwsw', 'seaport'],
  ['INMUN', 'Mundra', '蒙德拉', 'mdl', 'seaport'],
  ['INBOM', 'Mumbai', '孟买', 'mm', 'both'],
  ['INMAA', 'Chennai', '金奈', 'jn', 'both'],
  ['INDEL', 'New Delhi', '新德里', 'xdl', 'airport'],
  ['INBLR', 'Bengaluru', '班加罗尔', 'bjle', 'airport'],
  ['INCCU', 'Kolkata', '加尔各答', 'jegd', 'both'],
  ['INPAV', 'Pipavav', '皮帕瓦沃', 'ppww', 'seaport'],
  ['INCOK', 'Kochi', '科钦', 'kq', 'both'],
  ['INHZA', 'Hazira', '哈兹拉', 'hzl', 'seaport'],
  ['INTUT', 'Tuticorin', '杜蒂戈林', 'ddgl', 'seaport'],
  ['INVTZ', 'Visakhapatnam', '维沙卡帕特南', 'wskptn', 'seaport'],
  ['LKCMB', 'Colombo', '科伦坡', 'klp', 'both'],
  ['PKKHI', 'Karachi', '卡拉奇', 'klq', 'both'],
  ['PKBQM', 'Port Qasim', '卡西姆港', 'kxmg', 'seaport'],
  ['BDCGP', 'Chattogram', '吉大港', 'jdg', 'seaport'],
  ['BDDAC', 'Dhaka', '达卡', 'dk', 'airport'],
  // Middle East
  ['AEJEA', 'Jebel Ali', '杰贝阿里', 'jbal', 'seaport'],
  ['AEDXB', 'Dubai', '迪拜', 'db', 'both'],
  ['AEDWC', 'Dubai World Central', '迪拜世界中心', 'dbsjzx', 'airport'],
  ['AEAUH', 'Abu Dhabi', '阿布扎比', 'abzb', 'both'],
  ['AEKHL', 'Khalifa Port', '哈利法港', 'hlfg', 'seaport'],
  ['AEKLF', 'Khor Fakkan', '豪尔费坎', 'hefk', 'seaport'],
  ['AESHJ', 'Sharjah', '沙迦', 'sj', 'both'],
  ['SAJED', 'Jeddah', '吉达', 'jd', 'both'],
  ['SADMM', 'Dammam', '达曼', 'dm', 'both'],
  ['SARUH', 'Riyadh', '利雅得', 'lyd', 'airport'],
  ['SAKAC', 'King Abdullah Port', '阿卜杜拉国王港', 'abdlgwg', 'seaport'],
  ['QADOH', 'Doha', '多哈', 'dh', 'both'],
  ['OMSLL', 'Salalah', '塞拉莱', 'sll', 'seaport'],
  ['OMSOH', 'Sohar', '苏哈尔', 'she', 'seaport'],
  ['KWKWI', 'Kuwait', '科威特', 'kwt', 'both'],
  ['BHBAH', 'Bahrain', '巴林', 'bl', 'both'],
  ['IRBND', 'Bandar Abbas', '阿巴斯港', 'absg', 'seaport'],
  ['IQUQR', 'Umm Qasr', '乌姆盖斯尔', 'wmgse', 'seaport'],
  ['ILHFA', 'Haifa', '海法', 'hf', 'seaport'],
  ['ILASH', 'Ashdod', '阿什杜德', 'asdd', 'seaport'],
  ['JOAQJ', 'Aqaba', '亚喀巴', 'ykb', 'seaport'],
  ['TRMER', 'Mersin', '梅尔辛', 'mex', 'seaport'],
  ['TRAMR', 'Ambarli', '安巴利', 'abl', 'seaport'],
  ['TRIST', 'Istanbul', '伊斯坦布尔', 'ystbe', 'both'],
  ['TRIZM', 'Izmir', '伊兹密尔', 'yzme', 'seaport'],
  ['EGPSD', 'Port Said', '塞得港', 'sdg', 'seaport'],
  ['EGALY', 'Alexandria', '亚历山大', 'ylsd', 'seaport'],
  ['EGSOK', 'Sokhna', '苏赫纳', 'shn', 'seaport'],
  ['EGCAI', 'Cairo', '开罗', 'kl', 'airport'],
  // Europe
  ['NLRTM', 'Rotterdam', '鹿特丹', 'ltd', 'seaport'],
  ['NLAMS', 'Amsterdam', '阿姆斯特丹', 'amstd', 'both'],
  ['BEANR', 'Antwerp', '安特卫普', 'atwp', 'seaport'],
  ['BEZEE', 'Zeebrugge', '泽布吕赫', 'zblh', 'seaport'],
  ['BEBRU', 'Brussels', '布鲁塞尔', 'blse', 'airport'],
  ['BELGG', 'Liège', '列日', 'lr', 'airport'],
  ['DEHAM', 'Hamburg', '汉堡', 'hb', 'both'],
  ['DEBRV', 'Bremerhaven', '不来梅哈芬', 'blmhf', 'seaport'],
  ['DEWVN', 'Wilhelmshaven', '威廉港', 'wlg', 'seaport'],
  ['DEFRA', 'Frankfurt am Main', '法兰克福', 'flkf', 'airport'],
  ['DEMUC', 'Munich', '慕尼黑', 'mnh', 'airport'],
  ['DELEJ', 'Leipzig', '莱比锡', 'lbx', 'airport'],
  ['DEBER', 'Berlin', '柏林', 'bl', 'airport'],
  ['DEDUI', 'Duisburg', '杜伊斯堡', 'dysb', 'rail'],
  ['LULUX', 'Luxembourg', '卢森堡', 'lsb', 'airport'],
  ['GBFXT', 'Felixstowe', '费利克斯托', 'flkst', 'seaport'],
  ['GBSOU', 'Southampton', '南安普顿', 'napd', 'seaport'],
  ['GBLGP', 'London Gateway', '伦敦门户港', 'ldmhg', 'seaport'],
  ['GBLON', 'London', '伦敦', 'ld', 'both'],
  ['GBLHR', 'London Heathrow', '伦敦希思罗', 'ldxsl', 'airport'],
  ['GBMAN', 'Manchester', '曼彻斯特', 'mcst', 'airport'],
  ['FRLEH', 'Le Havre', '勒阿弗尔', 'lafe', 'seaport'],
  ['FRFOS', 'Fos-sur-Mer', '福斯', 'fs', 'seaport'],
  ['FRMRS', 'Marseille', '马赛', 'ms', 'both'],
  ['FRPAR', 'Paris', '巴黎', 'bl', 'airport'],
  ['FRCDG', 'Paris Charles de Gaulle', '巴黎戴高乐', 'bldgl', 'airport'],
  ['ESVLC', 'Valencia', '瓦伦西亚', 'wlxy', 'seaport'],
  ['ESALG', 'Algeciras', '阿尔赫西拉斯', 'aehxls', 'seaport'],
  ['ESBCN', 'Barcelona', '巴塞罗那', 'bsln', 'both'],
  ['ESMAD', 'Madrid', '马德里', 'mdl', 'airport'],
  ['ITGOA', 'Genoa', '热那亚', 'rny', 'seaport'],
  ['ITSPE', 'La Spezia', '拉斯佩齐亚', 'lspqy', 'seaport'],
  ['ITGIT', 'Gioia Tauro', '焦亚陶罗', 'jytl', 'seaport'],
  ['ITTRS', 'Trieste', '的里雅斯特', 'dlyst', 'seaport'],
  ['ITNAP', 'Naples', '那不勒斯', 'nbls', 'seaport'],
  ['ITVCE', 'Venice', '威尼斯', 'wns', 'both'],
  ['ITMIL', 'Milan', '米兰', 'ml', 'airport'],
  ['ITMXP', 'Milan Malpensa', '米兰马尔彭萨', 'mlmeps', 'airport'],
  ['GRPIR', 'Piraeus', '比雷埃夫斯', 'blafs', 'seaport'],
  ['GRSKG', 'Thessaloniki', '塞萨洛尼基', 'sslnj', 'seaport'],
  ['PTSIN', 'Sines', '锡尼什', 'xns', 'seaport'],
  ['PTLIS', 'Lisbon', '里斯本', 'lsb', 'both'],
  ['PTLEI', 'Leixões', '莱肖埃斯', 'lxas', 'seaport'],
  ['PLGDN', 'Gdańsk', '格但斯克', 'gdsk', 'seaport'],
  ['PLGDY', 'Gdynia', '格丁尼亚', 'gdny', 'seaport'],
  ['SEGOT', 'Gothenburg', '哥德堡', 'gdb', 'seaport'],
  ['DKAAR', 'Aarhus', '奥胡斯', 'ahs', 'seaport'],
  ['DKCPH', 'Copenhagen', '哥本哈根', 'gbhg', 'both'],
  ['NOOSL', 'Oslo', '奥斯陆', 'asl', 'both'],
  ['FIHEL', 'Helsinki', '赫尔辛基', 'hexj', 'both'],
  ['FIKTK', 'Kotka', '科特卡', 'ktk', 'seaport'],
  ['LTKLJ', 'Klaipėda', '克莱佩达', 'klpd', 'seaport'],
  ['LVRIX', 'Riga', '里加', 'lj', 'both'],
  ['EETLL', 'Tallinn', '塔林', 'tl', 'both'],
  ['RULED', 'Saint Petersburg', '圣彼得堡', 'sbdb', 'seaport'],
  ['RUNVS', 'Novorossiysk', '新罗西斯克', 'xlxsk', 'seaport'],
  ['RUVVO', 'Vladivostok', '符拉迪沃斯托克', 'fldwstk', 'seaport'],
  ['RUMOW', 'Moscow', '莫斯科', 'msk', 'airport'],
  ['UAODS', 'Odesa', '敖德萨', 'ads', 'seaport'],
  ['ROCND', 'Constanța', '康斯坦察', 'kstc', 'seaport'],
  ['BGVAR', 'Varna', '瓦尔纳', 'wen', 'seaport'],
  ['SIKOP', 'Koper', '科佩尔', 'kpe', 'seaport'],
  ['HRRJK', 'Rijeka', '里耶卡', 'lyk', 'seaport'],
  ['MTMAR', 'Marsaxlokk', '马尔萨什洛克', 'messlk', 'seaport'],
  ['IEDUB', 'Dublin', '都柏林', 'dbl', 'both'],
  ['CHZRH', 'Zurich', '苏黎世', 'sls', 'airport'],
  ['ATVIE', 'Vienna', '维也纳', 'wyn', 'airport'],
  ['CZPRG', 'Prague', '布拉格', 'blg', 'airport'],
  ['HUBUD', 'Budapest', '布达佩斯', 'bdps', 'airport'],
  ['KZALA', 'Almaty', '阿拉木图', 'almt', 'rail'],
  // North America
  ['USLAX', 'Los Angeles', '洛杉矶', 'lsj', 'both'],
  ['USLGB', 'Long Beach', '长滩', 'ct', 'seaport'],
  ['USOAK', 'Oakland', '奥克兰', 'akl', 'seaport'],
  ['USSEA', 'Seattle', '西雅图', 'xyt', 'both'],
  ['USTIW', 'Tacoma', '塔科马', 'tkm', 'seaport'],
  ['USNYC', 'New York', '纽约', 'ny', 'both'],
  ['USJFK', 'New York JFK', '纽约肯尼迪', 'nyknd', 'airport'],
  ['USEWR', 'Newark', '纽瓦克', 'nwk', 'both'],
  ['USSAV', 'Savannah', '萨凡纳', 'sfn', 'seaport'],
  ['USHOU', 'Houston', '休斯顿', 'xsd', 'both'],
  ['USCHS', 'Charleston', '查尔斯顿', 'cesd', 'seaport'],
  ['USORF', 'Norfolk', '诺福克', 'nfk', 'seaport'],
  ['USBAL', 'Baltimore', '巴尔的摩', 'bedm', 'seaport'],
  ['USMIA', 'Miami', '迈阿密', 'mam', 'both'],
  ['USJAX', 'Jacksonville', '杰克逊维尔', 'jkxwe', 'seaport'],
  ['USMSY', 'New Orleans', '新奥尔良', 'xael', 'seaport'],
  ['USMOB', 'Mobile', '莫比尔', 'mbe', 'seaport'],
  ['USBOS', 'Boston', '波士顿', 'bsd', 'both'],
  ['USPHL', 'Philadelphia', '费城', 'fc', 'seaport'],
  ['USSFO', 'San Francisco', '旧金山', 'jjs', 'both'],
  ['USCHI', 'Chicago', '芝加哥', 'zjg', 'rail'],
  ['USORD', "Chicago O'Hare", '芝加哥奥黑尔', 'zjgahe', 'airport'],
  ['USATL', 'Atlanta', '亚特兰大', 'ytld', 'airport'],
  ['USDFW', 'Dallas/Fort Worth', '达拉斯沃斯堡', 'dlswsb', 'airport'],
  ['USANC', 'Anchorage', '安克雷奇', 'aklq', 'airport'],
  ['USMEM', 'Memphis', '孟菲斯', 'mfs', 'airport'],
  ['USCVG', 'Cincinnati', '辛辛那提', 'xxnt', 'airport'],
  ['CAVAN', 'Vancouver', '温哥华', 'wgh', 'both'],
  ['CAPRR', 'Prince Rupert', '鲁珀特王子港', 'lptwzg', 'seaport'],
  ['CAMTR', 'Montreal', '蒙特利尔', 'mtle', 'both'],
  ['CAHAL', 'Halifax', '哈利法克斯', 'hlfks', 'seaport'],
  ['CATOR', 'Toronto', '多伦多', 'dld', 'airport'],
  ['MXZLO', 'Manzanillo', '曼萨尼约', 'msny', 'seaport'],
  ['MXLZC', 'Lázaro Cárdenas', '拉萨罗卡德纳斯', 'lslkdns', 'seaport'],
  ['MXVER', 'Veracruz', '韦拉克鲁斯', 'wlkls', 'seaport'],
  ['MXMEX', 'Mexico City', '墨西哥城', 'mxgc', 'airport'],
  // Central and South America, Caribbean
  ['PABLB', 'Balboa', '巴尔博亚', 'beby', 'seaport'],
  ['PAMIT', 'Manzanillo', '曼萨尼约', 'msny', 'seaport'],
  ['COCTG', 'Cartagena', '卡塔赫纳', 'kthn', 'seaport'],
  ['COBUN', 'Buenaventura', '布埃纳文图拉', 'banwtl', 'seaport'],
  ['COBOG', 'Bogotá', '波哥大', 'bgd', 'airport'],
  ['ECGYE', 'Guayaquil', '瓜亚基尔', 'gyje', 'both'],
  ['PECLL', 'Callao', '卡亚俄', 'kye', 'seaport'],
  ['PELIM', 'Lima', '利马', 'lm', 'airport'],
  ['CLVAP', 'Valparaíso', '瓦尔帕莱索', 'wepls', 'seaport'],
  ['CLSAI', 'San Antonio', '圣安东尼奥', 'sadna', 'seaport'],
  ['CLSCL', 'Santiago', '圣地亚哥', 'sdyg', 'airport'],
  ['BRSSZ', 'Santos', '桑托斯', 'sts', 'seaport'],
  ['BRPNG', 'Paranaguá', '巴拉那瓜', 'blng', 'seaport'],
  ['BRRIG', 'Rio Grande', '里奥格兰德', 'lagld', 'seaport'],
  ['BRRIO', 'Rio de Janeiro', '里约热内卢', 'lyrnl', 'both'],
  ['BRITJ', 'Itajaí', '伊塔雅伊', 'ytyy', 'seaport'],
  ['BRNVT', 'Navegantes', '纳维根特斯', 'nwgts', 'seaport'],
  ['BRSSA', 'Salvador', '萨尔瓦多', 'sewd', 'seaport'],
  ['BRPEC', 'Pecém', '佩塞姆', 'psm', 'seaport'],
  ['BRSAO', 'São Paulo', '圣保罗', 'sbl', 'airport'],
  ['BRGRU', 'São Paulo Guarulhos', '圣保罗瓜鲁柳斯', 'sblglls', 'airport'],
  ['ARBUE', 'Buenos Aires', '布宜诺斯艾利斯', 'bynsals', 'both'],
  ['UYMVD', 'Montevideo', '蒙得维的亚', 'mdwdy', 'both'],
  ['JMKIN', 'Kingston', '金斯敦', 'jsd', 'both'],
  ['DOCAU', 'Caucedo', '考塞多', 'ksd', 'seaport'],
  ['BSFPO', 'Freeport', '自由港', 'zyg', 'seaport'],
  // Oceania
  ['AUSYD', 'Sydney', '悉尼', 'xn', 'both'],
  ['AUMEL', 'Melbourne', '墨尔本', 'meb', 'both'],
  ['AUBNE', 'Brisbane', '布里斯班', 'blsb', 'both'],
  ['AUFRE', 'Fremantle', '弗里曼特尔', 'flmte', 'seaport'],
  ['AUPER', 'Perth', '珀斯', 'ps', 'airport'],
  ['AUADL', 'Adelaide', '阿德莱德', 'adld', 'both'],
  ['NZAKL', 'Auckland', '奥克兰', 'akl', 'both'],
  ['NZTRG', 'Tauranga', '陶朗加', 'tlj', 'seaport'],
  ['NZLYT', 'Lyttelton', '利特尔顿', 'lted', 'seaport'],
  ['FJSUV', 'Suva', '苏瓦', 'sw', 'seaport'],
  // Africa
  ['ZADUR', 'Durban', '德班', 'db', 'both'],
  ['ZACPT', 'Cape Town', '开普敦', 'kpd', 'both'],
  ['ZAPLZ', 'Port Elizabeth', '伊丽莎白港', 'ylsbg', 'seaport'],
  ['ZAZBA', 'Ngqura', '恩古拉', 'egl', 'seaport'],
  ['ZAJNB', 'Johannesburg', '约翰内斯堡', 'yhnsb', 'airport'],
  ['KEMBA', 'Mombasa', '蒙巴萨', 'mbs', 'seaport'],
  ['KENBO', 'Nairobi', '内罗毕', 'nlb', 'airport'],
  ['TZDAR', 'Dar es Salaam', '达累斯萨拉姆', 'dlsslm', 'seaport'],
  ['NGAPP', 'Apapa', '阿帕帕', 'app', 'seaport'],
  ['NGTIN', 'Tin Can Island', '汀坎岛', 'tkd', 'seaport'],
  ['NGLOS', 'Lagos', '拉各斯', 'lgs', 'both'],
  ['GHTEM', 'Tema', '特马', 'tm', 'seaport'],
  ['CIABJ', 'Abidjan', '阿比让', 'abr', 'both'],
  ['SNDKR', 'Dakar', '达喀尔', 'dke', 'both'],
  ['TGLFW', 'Lomé', '洛美', 'lm', 'both'],
  ['BJCOO', 'Cotonou', '科托努', 'ktn', 'both'],
  ['CMDLA', 'Douala', '杜阿拉', 'dal', 'both'],
  ['MAPTM', 'Tanger Med', '丹吉尔地中海港', 'djedzhg', 'seaport'],
  ['MACAS', 'Casablanca', '卡萨布兰卡', 'ksblk', 'both'],
  ['DZALG', 'Algiers', '阿尔及尔', 'aeje', 'both'],
  ['DJJIB', 'Djibouti', '吉布提', 'jbt', 'both'],
  ['ETADD', 'Addis Ababa', '亚的斯亚贝巴', 'ydsybb', 'airport'],
  ['AOLAD', 'Luanda', '罗安达', 'lad', 'both'],
  ['MZMPM', 'Maputo', '马普托', 'mpt', 'both'],
  ['MUPLU', 'Port Louis', '路易港', 'lyg', 'seaport'],
  ['MGTMM', 'Toamasina', '塔马塔夫', 'tmtf', 'seaport'],
  ['SDPZU', 'Port Sudan', '苏丹港', 'sdg', 'seaport'],
];

export const ports: readonly Port[] = rows.map(([code, nameEn, nameZh, nameZhInitials, kind]) => ({
  code,
  nameEn,
  nameZh,
  nameZhInitials,
  country: code.slice(0, 2),
  kind,
}));

const byCode = new Map(ports.map((port) => [port.code, port]));

/** Lower case without accents or full-width forms, so "liege" finds Liège and "ＳＨＡ" finds CNSHA. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function compactCode(text: string): string {
  return fold(text).replace(/[\s-]/g, '');
}

/** The port with this UN/LOCODE; spaces and case are ignored ("cn sha"). */
export function findPort(code: string): Port | undefined {
  return byCode.get(compactCode(code).toUpperCase());
}

const searchIndex = ports.map((port, order) => {
  const nameEn = fold(port.nameEn);
  return {
    port,
    order,
    code: port.code.toLowerCase(),
    location: port.code.slice(2).toLowerCase(),
    nameEn,
    words: nameEn.split(/[\s\-/']+/),
    nameZh: port.nameZh,
    initials: port.nameZhInitials,
  };
});

type IndexEntry = (typeof searchIndex)[number];

/** 0 is the best match; undefined is no match. */
function rank(entry: IndexEntry, text: string, code: string): number | undefined {
  if (code !== '' && entry.code === code) return 0;
  if (code !== '' && (entry.code.startsWith(code) || entry.location === code)) return 1;
  if (entry.nameZh.startsWith(text) || entry.initials.startsWith(text) || entry.words.some((w) => w.startsWith(text))) {
    return 2;
  }
  if (entry.nameEn.includes(text) || entry.nameZh.includes(text)) return 3;
  return undefined;
}

/**
 * Ports matching what a user typed: a code or its prefix (CNS, "cn sha", SHA), an English or Chinese name or part
 * of it (ningbo, 宁波, 波), or the pinyin initials of the Chinese name (nb). Best matches first; an empty query
 * gives the busiest ports.
 */
export function searchPorts(query: string, limit = 20): Port[] {
  const text = fold(query).trim();
  if (text === '') return ports.slice(0, limit);
  const code = compactCode(query);
  return searchIndex
    .flatMap((entry) => {
      const score = rank(entry, text, code);
      return score === undefined ? [] : [{ entry, score }];
    })
    .sort((a, b) => a.score - b.score || a.entry.order - b.entry.order)
    .slice(0, limit)
    .map(({ entry }) => entry.port);
}
