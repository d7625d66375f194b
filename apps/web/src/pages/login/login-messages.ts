import { defineMessages } from '../../i18n/i18n';

export const loginMessages = defineMessages(
  { title: '登录', email: '邮箱', password: '密码', submit: '登录', submitting: '正在登录…', demoHint: '演示账号见 README（密码 demo-password-2026）。' },
  { title: 'Sign in', email: 'Email', password: 'Password', submit: 'Sign in', submitting: 'Signing in…', demoHint: 'Demo logins are in the README (password demo-password-2026).' },
);
