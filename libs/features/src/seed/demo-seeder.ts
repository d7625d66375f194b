import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InProcessDispatcher, JobDispatcher } from '@ledger/jobs';
import { PRESET_IDS, getPreset, validateContractConfig } from '@ledger/contracts';
import { TenantDatabase, type UserRole } from '@ledger/persistence';
import { hashPassword } from '../auth/password';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ContractsRepository } from '../contracts';
import type { Principal } from '../auth/principal';
import { PlatformRepository } from '../platform';
import { PeriodCloseService } from '../period-close';
import { PeriodInputsService } from '../period-inputs';
import { ProcurementService } from '../procurement';
import { OnDemandService } from '../on-demand';
import { AllowancesService } from '../allowances';
import { SchedulesService } from '../schedules';
import { DemoActivity } from './demo-activity';
import { DemoShowcase } from './demo-showcase';

/** The demo password of every demo user; printed at start, never used outside a demo database. */
export const DEMO_PASSWORD = 'demo-password-2026';

/** The five seed agencies and the presets each holds. */
export const DEMO_TENANTS = [
  { code: 'xuzhou', name: '徐州市医疗保障基金安全监测管理中心', presets: ['xuzhou-2026'] },
  { code: 'huaian', name: '淮安市医疗保障局', presets: ['huaian-2025-2026'] },
  { code: 'qinghai', name: '青海红十字医院', presets: ['qinghai-hospital-3y'] },
  { code: 'beijing', name: '北京市卫生健康委信息中心', presets: ['beijing-2020'] },
  { code: 'tianjin', name: '天津市医疗保障局', presets: PRESET_IDS.filter((id) => id.startsWith('tianjin-')) },
] as const;

export const DEMO_VENDOR = '演示运维服务有限公司';

type DemoUser = { email: string; role: UserRole; tenant?: string };

export function demoUsers(): DemoUser[] {
  return [
    { email: 'admin@demo.local', role: 'platform-admin' },
    { email: 'vendor@demo.local', role: 'vendor' },
    ...DEMO_TENANTS.flatMap((t) => [
      { email: `${t.code}.admin@demo.local`, role: 'buyer-admin' as const, tenant: t.code },
      { email: `${t.code}.staff@demo.local`, role: 'buyer-staff' as const, tenant: t.code },
      { email: `${t.code}.finance@demo.local`, role: 'finance' as const, tenant: t.code },
    ]),
  ];
}

/**
 * Seeds an empty database with the five agencies, one vendor holding every contract, a user per role, the
 * twelve preset contracts, and on Xuzhou's contract fifteen 联系单 and three monthly reports (the base demo, what
 * the test suites are written against: SEED_DEMO=auto). SEED_DEMO=full (the default, `npm start`) adds the showcase
 * (demo-showcase.ts) so every role's home page has real numbers. Runs once: a database with any tenant is left alone.
 * Off in production and when SEED_DEMO=off.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly db: TenantDatabase,
    private readonly platform: PlatformRepository,
    private readonly contracts: ContractsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly activity: DemoActivity,
    private readonly modules: ModuleRef,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_DEMO === 'off' || this.config.NODE_ENV === 'production') return;
    const seeded = await this.seed();
    if (seeded)
      this.logger.log(
        `demo data seeded; sign in with any of ${demoUsers()
          .map((u) => u.email)
          .join(', ')} / password "${DEMO_PASSWORD}"`,
      );
  }

  /** Returns false when the database already has tenants. */
  async seed(): Promise<boolean> {
    const platformScope = { kind: 'platform' as const, userId: null, operation: 'seedDemo' };
    const hash = await hashPassword(DEMO_PASSWORD);
    const created = await this.db.run(platformScope, async (em) => {
      if ((await this.platform.tenants(em)).length > 0) return undefined;
      const vendor = await this.platform.insertVendor(em, { name: DEMO_VENDOR });
      const tenants = new Map<string, string>();
      for (const t of DEMO_TENANTS)
        tenants.set(t.code, (await this.platform.insertTenant(em, { code: t.code, name: t.name })).id);
      const admins = new Map<string, string>();
      const principals = new Map<string, Principal>();
      for (const u of demoUsers()) {
        const tenantId = u.tenant ? (tenants.get(u.tenant) ?? null) : null;
        const user = await this.platform.insertUser(em, {
          email: u.email,
          passwordHash: hash,
          displayName: u.email.split('@')[0],
          role: u.role,
          tenantId,
          vendorOrgId: u.role === 'vendor' ? vendor.id : null,
        });
        if (u.role === 'buyer-admin' && u.tenant) admins.set(u.tenant, user.id);
        principals.set(u.email, {
          userId: user.id,
          role: user.role,
          tenantId: user.tenantId,
          vendorOrgId: user.vendorOrgId,
        });
      }
      return { vendorId: vendor.id, tenants, admins, principals };
    });
    if (!created) return false;
    const contractIds = new Map<string, string>();
    for (const t of DEMO_TENANTS) {
      const tenantId = created.tenants.get(t.code) as string;
      const userId = created.admins.get(t.code) as string;
      await this.db.run({ kind: 'tenant', tenantId, userId, operation: 'seedDemo' }, async (em) => {
        for (const presetId of t.presets) {
          const preset = getPreset(presetId);
          const check = validateContractConfig(preset.config);
          if (!check.ok)
            throw new Error(
              `preset ${presetId} does not validate: ${check.problems[0].path} ${check.problems[0].message}`,
            );
          const contract = await this.contracts.insert(em, {
            tenantId,
            vendorOrgId: created.vendorId,
            code: presetId,
            name: preset.title,
            presetId,
            currentVersion: 1,
            amount: check.config.money.amount,
            termStart: check.config.term.start,
            termEnd: check.config.term.end,
          });
          await this.contracts.insertVersion(em, {
            tenantId,
            contractId: contract.id,
            version: 1,
            configuration: { ...preset.config, version: 1 },
            changeNote: `created from preset ${presetId}`,
            createdBy: userId,
          });
          contractIds.set(presetId, contract.id);
        }
      });
    }
    // Months of 联系单 on Xuzhou's contract (domain.md example A), through the real ticket service.
    const who = (email: string) => created.principals.get(email) as Principal;
    await this.activity.seedTickets(
      contractIds.get('xuzhou-2026') as string,
      { admin: who('xuzhou.admin@demo.local'), staff: who('xuzhou.staff@demo.local') },
      who('vendor@demo.local'),
    );
    await this.activity.seedReports(
      contractIds.get('xuzhou-2026') as string,
      getPreset('xuzhou-2026').config,
      who('xuzhou.admin@demo.local'),
      who('vendor@demo.local'),
    );
    if (this.config.SEED_DEMO === 'full') await this.showcase().seed(contractIds, who, getPreset('xuzhou-2026').config);
    return true;
  }

  /** The showcase's services live in their feature modules: resolved from the application, not this module. */
  private showcase(): DemoShowcase {
    const get = <T>(type: new (...args: never[]) => T): T => this.modules.get(type, { strict: false });
    const dispatcher = this.dispatcher;
    return new DemoShowcase({
      activity: this.activity,
      inputs: get(PeriodInputsService),
      closes: get(PeriodCloseService),
      schedules: get(SchedulesService),
      procurement: get(ProcurementService),
      onDemand: get(OnDemandService),
      allowances: get(AllowancesService),
      waitForJobs: async () => {
        if (dispatcher instanceof InProcessDispatcher) await dispatcher.idle();
      },
    });
  }
}
