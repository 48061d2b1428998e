/** A customer import file of `rows` distinct, valid companies; row i (1-based) is `<prefix>导入客户<i>号有限公司`. */
export function customerImportCsv(prefix: string, rows: number): Blob {
  const lines = ['客户名称,国家,邮箱'];
  for (let i = 1; i <= rows; i++) lines.push(`${prefix}导入客户${i}号有限公司,中国,ops${i}@import-${i}.example.com`);
  return new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' });
}

/** The file row number (1-based) in an imported customer's name, for SQL. */
export const importRowOfName = `substring(name from '导入客户([0-9]+)号')::int`;
