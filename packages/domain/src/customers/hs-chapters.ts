import { z } from 'zod';

/**
 * The chapters of the Harmonized System (HS 2022), by their two digits, with a short title in each
 * language of the console. Chapter 77 is reserved and not used.
 */
export const hsChapters = [
  ['01', '活动物', 'Live animals'],
  ['02', '肉及食用杂碎', 'Meat and edible offal'],
  ['03', '鱼及水产品', 'Fish and aquatic invertebrates'],
  ['04', '乳品、蛋品、蜂蜜', 'Dairy, eggs, honey'],
  ['05', '其他动物产品', 'Other animal products'],
  ['06', '活植物及花卉', 'Live plants and flowers'],
  ['07', '蔬菜', 'Vegetables'],
  ['08', '水果及坚果', 'Fruit and nuts'],
  ['09', '咖啡、茶及调味香料', 'Coffee, tea, spices'],
  ['10', '谷物', 'Cereals'],
  ['11', '制粉工业产品', 'Milling products'],
  ['12', '油籽及工业用植物', 'Oil seeds, industrial plants'],
  ['13', '树胶、树脂', 'Gums, resins'],
  ['14', '编结用植物材料', 'Vegetable plaiting materials'],
  ['15', '动植物油脂', 'Animal and vegetable fats and oils'],
  ['16', '肉、鱼制品', 'Preparations of meat or fish'],
  ['17', '糖及糖食', 'Sugars and confectionery'],
  ['18', '可可及其制品', 'Cocoa'],
  ['19', '谷物粉及糕饼', 'Cereal preparations, bakery'],
  ['20', '蔬菜、水果制品', 'Preparations of vegetables or fruit'],
  ['21', '杂项食品', 'Miscellaneous food preparations'],
  ['22', '饮料、酒及醋', 'Beverages, spirits, vinegar'],
  ['23', '食品工业残渣、饲料', 'Food residues, animal fodder'],
  ['24', '烟草', 'Tobacco'],
  ['25', '盐、硫磺、土及石料、水泥', 'Salt, sulphur, earths, stone, cement'],
  ['26', '矿砂、矿渣及矿灰', 'Ores, slag, ash'],
  ['27', '矿物燃料、矿物油', 'Mineral fuels and oils'],
  ['28', '无机化学品', 'Inorganic chemicals'],
  ['29', '有机化学品', 'Organic chemicals'],
  ['30', '药品', 'Pharmaceutical products'],
  ['31', '肥料', 'Fertilisers'],
  ['32', '鞣料、染料、颜料、油漆', 'Tanning and dyeing extracts, paints'],
  ['33', '精油、香料及化妆品', 'Essential oils, perfumery, cosmetics'],
  ['34', '肥皂、洗涤剂、蜡', 'Soap, detergents, waxes'],
  ['35', '蛋白类物质、胶', 'Albuminoidal substances, glues'],
  ['36', '炸药、烟火制品', 'Explosives, pyrotechnics'],
  ['37', '照相及电影用品', 'Photographic goods'],
  ['38', '杂项化学产品', 'Miscellaneous chemical products'],
  ['39', '塑料及其制品', 'Plastics'],
  ['40', '橡胶及其制品', 'Rubber'],
  ['41', '生皮及皮革', 'Raw hides and leather'],
  ['42', '皮革制品、箱包', 'Leather articles, bags'],
  ['43', '毛皮及其制品', 'Furskins'],
  ['44', '木及木制品', 'Wood'],
  ['45', '软木及其制品', 'Cork'],
  ['46', '编结材料制品', 'Basketware'],
  ['47', '木浆', 'Pulp of wood'],
  ['48', '纸及纸板', 'Paper and paperboard'],
  ['49', '印刷品', 'Printed matter'],
  ['50', '蚕丝', 'Silk'],
  ['51', '羊毛及动物毛', 'Wool, animal hair'],
  ['52', '棉花', 'Cotton'],
  ['53', '其他植物纺织纤维', 'Other vegetable textile fibres'],
  ['54', '化学纤维长丝', 'Man-made filaments'],
  ['55', '化学纤维短纤', 'Man-made staple fibres'],
  ['56', '絮胎、毡呢、线绳', 'Wadding, felt, twine, ropes'],
  ['57', '地毯', 'Carpets'],
  ['58', '特种机织物', 'Special woven fabrics'],
  ['59', '浸渍、涂布的纺织物', 'Coated textile fabrics'],
  ['60', '针织物', 'Knitted fabrics'],
  ['61', '针织服装', 'Knitted apparel'],
  ['62', '非针织服装', 'Apparel, not knitted'],
  ['63', '其他纺织制成品', 'Other made-up textiles'],
  ['64', '鞋靴', 'Footwear'],
  ['65', '帽类', 'Headgear'],
  ['66', '雨伞、手杖', 'Umbrellas, walking sticks'],
  ['67', '羽毛制品、人造花', 'Feathers, artificial flowers'],
  ['68', '石料、水泥制品', 'Articles of stone, cement'],
  ['69', '陶瓷产品', 'Ceramic products'],
  ['70', '玻璃及其制品', 'Glass'],
  ['71', '珠宝、贵金属', 'Jewellery, precious metals'],
  ['72', '钢铁', 'Iron and steel'],
  ['73', '钢铁制品', 'Articles of iron or steel'],
  ['74', '铜及其制品', 'Copper'],
  ['75', '镍及其制品', 'Nickel'],
  ['76', '铝及其制品', 'Aluminium'],
  ['78', '铅及其制品', 'Lead'],
  ['79', '锌及其制品', 'Zinc'],
  ['80', '锡及其制品', 'Tin'],
  ['81', '其他贱金属', 'Other base metals'],
  ['82', '贱金属工具、刀具', 'Tools, cutlery of base metal'],
  ['83', '贱金属杂项制品', 'Miscellaneous articles of base metal'],
  ['84', '机器、机械器具', 'Machinery, mechanical appliances'],
  ['85', '电机、电气设备', 'Electrical machinery and equipment'],
  ['86', '铁道车辆', 'Railway vehicles'],
  ['87', '车辆及零件', 'Vehicles and parts'],
  ['88', '航空器', 'Aircraft'],
  ['89', '船舶', 'Ships and boats'],
  ['90', '光学、医疗、精密仪器', 'Optical, medical, precision instruments'],
  ['91', '钟表', 'Clocks and watches'],
  ['92', '乐器', 'Musical instruments'],
  ['93', '武器、弹药', 'Arms and ammunition'],
  ['94', '家具、灯具、活动房', 'Furniture, lighting, prefabricated buildings'],
  ['95', '玩具、运动用品', 'Toys, games, sports equipment'],
  ['96', '杂项制品', 'Miscellaneous manufactured articles'],
  ['97', '艺术品、收藏品', "Works of art, collectors' pieces"],
] as const;

export const hsChapterCodes: readonly string[] = hsChapters.map(([code]) => code);
const known = new Set(hsChapterCodes);

/** "84", also written as 84, "8" (read as 08) or an HS code ("8471.30", whose first two digits are its chapter). */
export function normalizeHsChapter(input: string): string | null {
  const digits = input.normalize('NFKC').trim().replace(/[\s.]/g, '');
  if (!/^[0-9]{1,10}$/.test(digits)) return null;
  const chapter = digits.length === 1 ? `0${digits}` : digits.slice(0, 2);
  return known.has(chapter) ? chapter : null;
}

export function hsChapterTitle(code: string, locale: 'zh-CN' | 'en'): string | null {
  const row = hsChapters.find(([c]) => c === code);
  return row ? (locale === 'en' ? row[2] : row[1]) : null;
}

export const hsChapterSchema = z.union([z.string(), z.number().int()]).transform((value, ctx) => {
  const chapter = normalizeHsChapter(String(value));
  if (!chapter) {
    ctx.addIssue({ code: 'custom', message: 'customer.hs_chapter_invalid' });
    return z.NEVER;
  }
  return chapter;
});
