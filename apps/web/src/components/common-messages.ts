import { defineMessages } from '../i18n/i18n';

/** Texts of the shared components (shell, loading and error states). Pages keep their own dictionaries. */
export const commonMessages = defineMessages(
  {
    appTitle: '运维合同履约台账',
    skipToContent: '跳到正文',
    mainNavigation: '主导航',
    language: '语言',
    signOut: '退出登录',
    signedInAs: '当前用户：{name}（{role}）',
    loading: '加载中…',
    errorTitle: '出错了',
    errorCode: '错误代码',
    errorNetwork: '无法连接服务器，请检查网络后重试',
    errorBadResponse: '服务器返回了无法识别的响应',
    errorUnknown: '发生未知错误',
    retry: '重试',
    forbidden: '当前角色无权访问此页面。',
    notFound: '页面不存在。',
    backHome: '返回首页',
    roleplatformadmin: '平台管理员',
    rolebuyeradmin: '采购人管理员',
    rolebuyerstaff: '采购人经办',
    rolefinance: '财务',
    rolevendor: '供应商',
  },
  {
    appTitle: 'O&M Contract Performance Ledger',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main navigation',
    language: 'Language',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {name} ({role})',
    loading: 'Loading…',
    errorTitle: 'Something went wrong',
    errorCode: 'Error code',
    errorNetwork: 'Cannot reach the server; check the network and retry',
    errorBadResponse: 'The server sent a response the console cannot read',
    errorUnknown: 'An unknown error occurred',
    retry: 'Retry',
    forbidden: 'Your role cannot open this page.',
    notFound: 'Page not found.',
    backHome: 'Back to start',
    roleplatformadmin: 'Platform admin',
    rolebuyeradmin: 'Buyer admin',
    rolebuyerstaff: 'Buyer staff',
    rolefinance: 'Finance',
    rolevendor: 'Vendor',
  },
);

export type RoleMessageKey = 'roleplatformadmin' | 'rolebuyeradmin' | 'rolebuyerstaff' | 'rolefinance' | 'rolevendor';

export function roleMessageKey(role: string): RoleMessageKey {
  return `role${role.replace(/-/g, '')}` as RoleMessageKey;
}
