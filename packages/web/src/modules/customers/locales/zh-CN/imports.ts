export const imports = {
  imports: {
    titles: {
      customers: '导入客户',
      contacts: '导入联系人',
    },
    entityLabel: '导入内容',
    entity: {
      customers: '客户',
      contacts: '联系人',
    },
    template: '下载导入模板',
    templateFile: {
      customers: '客户导入模板.csv',
      contacts: '联系人导入模板.csv',
    },
    steps: {
      upload: '上传文件',
      mapping: '对应字段',
      progress: '导入结果',
    },
    dropTitle: '点击或将文件拖到此处',
    dropHint: '支持 .csv、.txt 和 .xlsx 文件，每次一个',
    reading: '正在读取文件…',
    wrongType: '只能导入 .csv、.txt 或 .xlsx 文件；.xls 工作簿请先另存为 .xlsx',
    help: {
      title: '文件格式',
      formats:
        'CSV 和文本文件可为 UTF-8、GBK（中文版 Excel “另存为 CSV”即为 GBK）或 UTF-16（Excel “Unicode 文本”）编码，以逗号、制表符或分号分隔；.xlsx 文件读取第一个有数据的工作表。旧版 .xls 文件请先另存为 .xlsx。',
      header: '先是一行表头（表头上方的标题行会被跳过），之后每行一个客户。系统会按表头自动对应字段，下一步可以调整。',
      lanes: '航线写作“起运港-目的港 运输方式”（UN/LOCODE），多条之间用分号分隔，例如：',
      laneExample: 'CNSHA-USLAX 整箱; CNNGB-DEHAM LCL',
      lists: '多个客户角色、标签或主要货物之间用逗号分隔；标签须已在“客户标签”中建好。',
      owner: '负责人填写系统用户的登录邮箱；留空时负责人为导入人。',
      contactHeader:
        '先是一行表头（表头上方的标题行会被跳过），之后每行一个联系人。系统会按表头自动对应字段，下一步可以调整。',
      contactCustomer:
        '每行须注明所属客户：客户编号、统一社会信用代码或完整的客户名称（中文或英文名称）任填其一；只能为您有权添加联系人的客户导入。',
      contactCells:
        '多个电话或邮箱之间用逗号或分号分隔；生日可写 1990-05-01、1990/5/1 或 1990年5月1日；“主要联系人”“同意接收营销信息”填写 是/否。',
    },
    fileName: '文件',
    encoding: '编码',
    encodingXlsx: 'Excel 工作簿（.xlsx）',
    chooseAnother: '重新选择文件',
    mappingTitle: '字段对应',
    sourceColumn: '文件中的列',
    sample: '示例数据',
    targetField: '导入为',
    skipColumn: '不导入',
    emptyHeader: '（第 {{index}} 列，无表头）',
    nameRequired: {
      customers: '请把一列对应到“客户名称”，否则无法导入。',
      contacts: '请把一列对应到联系人“姓名”，否则无法导入。',
    },
    customerRequired: '请把一列对应到所属客户（客户编号、统一社会信用代码或客户名称），否则无法导入。',
    previewTitle: '数据预览（前 {{count}} 行）',
    noRows: '文件中没有数据行',
    policyTitle: {
      customers: '遇到已存在的客户时',
      contacts: '遇到已存在的联系人时',
    },
    policy: {
      skip: '跳过已存在',
      update: '更新已存在',
      create: '仍然新建',
    },
    policyHint: {
      customers: {
        skip: '不改动已有客户，该行计入“跳过”。',
        update:
          '用文件中填写了的列更新已有客户：基本资料、负责人、客户角色、主要货物、开票与信用信息；填写了航线时替换原有航线，填写了标签时加上这些标签（不移除已有标签）。空单元格不会清空原有内容。',
        create: '照样新建一个客户；统一社会信用代码重复的行仍会报错。',
      },
      contacts: {
        skip: '不改动已有联系人，该行计入“跳过”。',
        update:
          '用文件中填写了的列更新已有联系人，新的电话和邮箱会加到原有的之后；空单元格不会清空原有内容。设为主要联系人时，该客户原来的主要联系人随之取消。',
        create: '照样新建一个联系人。',
      },
    },
    updateNotAllowed: {
      customers: '您没有修改客户的权限',
      contacts: '您没有修改联系人的权限',
    },
    matchHint: {
      customers:
        '统一社会信用代码相同，或名称规范化后相同（忽略全半角、大小写、繁简体、标点空格及“有限公司”等公司类型后缀）的客户视为已存在；文件内重复的行也按此判断。',
      contacts: '同一客户下，电话或邮箱有一个相同、或姓名相同的联系人视为已存在；文件内重复的行也按此判断。',
    },
    start: '开始导入',
    back: '上一步',
    status: {
      queued: '排队中',
      running: '导入中',
      succeeded: '已完成',
      failed: '失败',
    },
    counting: '正在统计行数…',
    progressText: '已处理 {{processed}} / {{total}} 行',
    created: '新建',
    updated: '更新',
    skipped: '跳过',
    failedRows: '失败',
    retrying: '导入中断，系统将自动重试：{{message}}',
    failedMessage: '导入失败：{{message}}',
    doneTitle: '导入完成',
    errorsTitle: '错误明细',
    errorRow: '行号',
    errorField: '字段',
    laneError: '{{field}}（第 {{index}} 条 · {{part}}）',
    errorMessage: '问题',
    errorsTruncated: '页面只显示前 {{count}} 条，完整内容请下载错误报告。',
    errorReport: '下载错误报告',
    toList: {
      customers: '查看客户列表',
      contacts: '查看客户列表',
    },
    importAnother: '继续导入其他文件',
    notFound: '找不到这次导入，或它不是由您发起的。',
    fields: {
      owner: '负责人（邮箱）',
      lanes: '航线',
      creditCurrency: '额度币种',
      customer: '所属客户',
      customerCode: '客户编号',
      customerCreditCode: '客户统一社会信用代码',
      customerName: '客户名称',
    },
  },
};
