import { defineMessages } from '../../i18n/i18n';

export const ticketFilterMessages = defineMessages(
  {
    legend: '筛选联系单',
    text: '搜索（编号或标题）',
    state: '状态',
    severity: '严重程度',
    any: '全部',
    specialAttention: '只看特别关注',
    overdue: '只看已超时未结',
    apply: '筛选',
    clear: '清除筛选',
    shown: '共 {total} 张，已显示 {shown} 张',
    more: '加载更多',
    loadingMore: '正在加载…',
  },
  {
    legend: 'Filter tickets',
    text: 'Search (number or title)',
    state: 'State',
    severity: 'Severity',
    any: 'All',
    specialAttention: 'Special attention only',
    overdue: 'Open and past an SLA deadline only',
    apply: 'Filter',
    clear: 'Clear filters',
    shown: '{shown} of {total} shown',
    more: 'Load more',
    loadingMore: 'Loading…',
  },
);
