/**
 * Everything main says to the user, in one catalog: the application menu, desktop reminders, the
 * dialog shown when the database cannot start, the headings of exported files and the
 * questionnaires sent to customers. The page's
 * own text lives with its features (renderer/src/features/<name>/strings.*.ts).
 * Languages are spelled as everywhere else (shared/language.ts); each one has exactly the keys of
 * English (the type says so).
 */
import type { Language } from '../../shared/language';
import { DATABASE_PROBLEMS } from '../../shared/text/database-problems';

const en = {
  menu: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    about: 'About ExportDesk',
    services: 'Services',
    hide: 'Hide ExportDesk',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: 'Quit ExportDesk',
    close: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    togglefullscreen: 'Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    quickCapture: 'Quick Capture…',
    globalSearch: 'Search Everything…',
    printCustomer: 'Print Customer Card…',
  },
  reminders: {
    dueTitle: 'Follow-up due',
    overdueTitle: (n: number) => (n === 1 ? '1 follow-up is overdue' : `${n} follow-ups are overdue`),
    overdueBody: 'Open ExportDesk’s follow-up list to catch up.',
  },
  startup: {
    title: 'ExportDesk cannot start',
    ...DATABASE_PROBLEMS.en,
    OTHER: 'ExportDesk could not start its database engine. Reinstalling ExportDesk may help.',
    quit: 'Quit',
    showFile: 'Show the file',
    file: 'Database file',
    reason: 'Reason',
  },
  /**
   * Exported files: sheet names and column headings (their order is the order of the columns). The
   * customer grid's own columns are headed as the grid heads them (shared/text/grid-column-labels.ts).
   */
  export: {
    sheets: { customers: 'Customers', contacts: 'Contacts', inquiries: 'Inquiries', orders: 'Orders' },
    /** The main contact's columns of the customer export ("include contacts"). */
    contact: {
      name: 'Contact name',
      email: 'Email',
      phone: 'Phone',
      mobile: 'Mobile',
      whatsapp: 'WhatsApp',
      wechat: 'WeChat',
    },
    /** The Contacts sheet: every contact of the exported customers, one a row. */
    contacts: {
      company: 'Company',
      country: 'Country',
      name: 'Contact name',
      title: 'Job title',
      email: 'Email',
      phone: 'Phone',
      mobile: 'Mobile',
      whatsapp: 'WhatsApp',
      wechat: 'WeChat',
      skype: 'Skype',
      language: 'Preferred language',
      primary: 'Primary contact',
    },
    /** A money column's heading with the currency its amounts are in: "Revenue (USD)". */
    inCurrency: (heading: string, currency: string) => `${heading} (${currency})`,
    inquiries: {
      external_id: 'Inquiry ID',
      received_at: 'Received',
      company: 'Company',
      country: 'Country',
      contact: 'Contact',
      email: 'Email',
      subject: 'Subject',
      product: 'Product',
      quantity: 'Quantity',
      unit: 'Unit',
      status: 'Status',
      owner: 'Salesperson',
      message: 'Message',
    },
    orders: {
      external_no: 'Order No',
      ordered_at: 'Ordered',
      company: 'Company',
      country: 'Country',
      product: 'Product',
      quantity: 'Quantity',
      amount: 'Amount',
      currency: 'Currency',
      status: 'Status',
      cancelled: 'Cancelled',
    },
    yes: 'yes',
  },
  questionnaire: {
    intro: 'Thank you for taking a few minutes to answer. Your answers help us serve you better.',
    code: 'Questionnaire code',
    for: 'For',
    required: 'required',
    notLikely: 'Not at all likely',
    veryLikely: 'Extremely likely',
    csat: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    save: 'Save my answers',
    saved: 'Your answers were saved as {file}. Please e-mail this file back to us.',
    missing: 'Please answer the required questions marked *.',
    howTo:
      'Fill in the form and click “Save my answers”, then e-mail the saved file back to us. You can also print this page, fill it in by hand and send us a photo or scan.',
    multiHint: 'Choose all that apply.',
  },
};

/** Another language's catalog: English's keys, with strings (and the same functions) of its own. */
type Catalog<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends readonly string[]
      ? readonly string[]
      : T[K] extends (...args: never[]) => unknown
        ? T[K]
        : Catalog<T[K]>;
};
export type MainText = Catalog<typeof en>;

const zhCN: MainText = {
  menu: {
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    about: '关于 ExportDesk',
    services: '服务',
    hide: '隐藏 ExportDesk',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
    quit: '退出 ExportDesk',
    close: '关闭窗口',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    pasteAndMatchStyle: '粘贴并匹配样式',
    delete: '删除',
    selectAll: '全选',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    togglefullscreen: '全屏',
    minimize: '最小化',
    zoom: '缩放',
    front: '全部置于顶层',
    quickCapture: '快速录入…',
    globalSearch: '全局搜索…',
    printCustomer: '打印客户卡片…',
  },
  reminders: {
    dueTitle: '跟进到期',
    overdueTitle: (n: number) => `有 ${n} 条跟进已逾期`,
    overdueBody: '打开 ExportDesk 的跟进列表处理。',
  },
  startup: {
    title: 'ExportDesk 无法启动',
    ...DATABASE_PROBLEMS['zh-CN'],
    OTHER: 'ExportDesk 无法启动数据库引擎。重新安装 ExportDesk 可能会解决此问题。',
    quit: '退出',
    showFile: '显示文件',
    file: '数据库文件',
    reason: '原因',
  },
  export: {
    sheets: { customers: '客户', contacts: '联系人', inquiries: '询盘', orders: '订单' },
    contact: {
      name: '联系人',
      email: '邮箱',
      phone: '电话',
      mobile: '手机',
      whatsapp: 'WhatsApp',
      wechat: '微信',
    },
    contacts: {
      company: '公司名称',
      country: '国家/地区',
      name: '联系人',
      title: '职位',
      email: '邮箱',
      phone: '电话',
      mobile: '手机',
      whatsapp: 'WhatsApp',
      wechat: '微信',
      skype: 'Skype',
      language: '首选语言',
      primary: '主要联系人',
    },
    inCurrency: (heading: string, currency: string) => `${heading}（${currency}）`,
    inquiries: {
      external_id: '询盘ID',
      received_at: '创建时间',
      company: '公司名称',
      country: '国家/地区',
      contact: '客户名',
      email: '邮箱',
      subject: '询盘标题',
      product: '询盘产品',
      quantity: '采购数量',
      unit: '单位',
      status: '询盘状态',
      owner: '业务员',
      message: '询盘内容',
    },
    orders: {
      external_no: '订单号',
      ordered_at: '下单时间',
      company: '买家公司',
      country: '国家/地区',
      product: '产品名称',
      quantity: '数量',
      amount: '订单金额',
      currency: '币种',
      status: '订单状态',
      cancelled: '已取消',
    },
    yes: '是',
  },
  questionnaire: {
    intro: '感谢您抽出几分钟时间作答，您的意见将帮助我们更好地为您服务。',
    code: '问卷编号',
    for: '客户',
    required: '必答',
    notLikely: '完全不可能',
    veryLikely: '非常可能',
    csat: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
    save: '保存我的答案',
    saved: '您的答案已保存为 {file}，请将此文件通过电子邮件发回给我们。',
    missing: '请回答标有 * 的必答题。',
    howTo: '请填写表格并点击“保存我的答案”，然后将保存的文件通过电子邮件发回给我们。您也可以打印本页，手写填写后拍照或扫描发给我们。',
    multiHint: '可多选。',
  },
};

export const MAIN_TEXT: Record<Language, MainText> = { en, 'zh-CN': zhCN };

/** What main says, in `language`. */
export function mainText(language: Language): MainText {
  return MAIN_TEXT[language];
}
