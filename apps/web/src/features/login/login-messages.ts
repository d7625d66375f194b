import { defineMessages } from '../../i18n/i18n';

export const loginMessages = defineMessages(
  {
    title: '登录',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    demoHint: '演示账号见项目说明文档；演示密码：',
    sessionEnded: '登录已失效（已退出、账号被停用或权限已变更），请重新登录。',
    throttled: '登录失败次数过多，请稍后再试。',
  },
  {
    title: 'Sign in',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    demoHint: 'Demo logins are in the README; demo password: ',
    sessionEnded: 'Your session has ended (signed out, account disabled or role changed): please sign in again.',
    throttled: 'Too many failed sign-ins: please try again later.',
  },
);
