import { defineMessages } from '../../i18n/i18n';

export const platformMessages = defineMessages(
  {
    navTenants: '采购人（租户）',
    tenantsTitle: '采购人（租户）',
    code: '代码',
    name: '名称',
    vendorsTitle: '供应商',
    noVendors: '暂无供应商。',
  },
  {
    navTenants: 'Buyers (tenants)',
    tenantsTitle: 'Buyers (tenants)',
    code: 'Code',
    name: 'Name',
    vendorsTitle: 'Vendor organisations',
    noVendors: 'No vendor organisations yet.',
  },
);
