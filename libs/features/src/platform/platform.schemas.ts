import { addProblem, problemIssue } from '@ledger/kernel';
import { USER_ROLES } from '@ledger/persistence';
import { z } from 'zod';
import { nonBlank, oneOf, uuidText } from '../shared/input-fields';

/*
 * The platform operations' arguments: shape, format and range (ValidateInput). Whether a code, a name or an email is
 * taken, whether the tenant or the vendor exists, and what a buyer admin may create (its tenant comes from the
 * session) stay in PlatformService.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TENANT_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const MIN_PASSWORD = 10;

export const createTenantArgs = z.object({
  input: z.object({
    code: z.string().refine((c) => TENANT_CODE.test(c), problemIssue('text.tenantCode')),
    name: nonBlank(),
  }),
});

export const createVendorOrganizationArgs = z.object({ input: z.object({ name: nonBlank() }) });

/** Checked in `defer` mode: a buyer admin's tenant is set from the session before the tenant rules are applied. */
export const createUserArgs = z.object({
  input: z
    .object({
      email: z.string().refine((e) => EMAIL.test(e.trim().toLowerCase()), problemIssue('text.email')),
      password: z
        .string()
        .refine((p) => p.length >= MIN_PASSWORD, problemIssue('text.passwordTooShort', { min: MIN_PASSWORD })),
      displayName: nonBlank(),
      role: oneOf(USER_ROLES),
      tenantId: uuidText.nullish(),
      vendorOrgId: uuidText.nullish(),
    })
    .superRefine((i, ctx) => {
      if (i.role === 'vendor' && !i.vendorOrgId) addProblem(ctx, 'user.vendorRequired', {}, ['vendorOrgId']);
      if (i.role !== 'vendor' && i.vendorOrgId) addProblem(ctx, 'user.noVendor', { role: i.role }, ['vendorOrgId']);
    }),
});
