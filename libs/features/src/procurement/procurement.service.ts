import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { getPreset } from '@ledger/contracts';
import { DomainError, ValidationError, dec, problem, reasonOf, type Problem } from '@ledger/kernel';
import {
  TenantDatabase,
  type ProcurementBidEntity,
  type ProcurementEvaluatorSheetEntity,
  type ProcurementPackageEntity,
} from '@ledger/persistence';
import {
  checkProcurementInputs,
  scoreProcurement,
  type ProcurementInput,
  type ProcurementResult,
  type ProcurementSchemeInput,
} from '@ledger/scoring';
import type { EntityManager } from 'typeorm';
import { AbilityFactory, type ProcurementSubject } from '../auth/ability.factory';
import type { Principal } from '../auth/principal';
import { RequestContext } from '../auth/request-context.service';
import type { JsonValue } from '../graphql/json.scalar';
import type {
  AddProcurementPackageInput,
  CreateProcurementProjectInput,
  PackageRankingModel,
  ProcurementBidModel,
  ProcurementEvaluatorSheetModel,
  ProcurementPackageModel,
  ProcurementProjectModel,
  RecordBidInput,
  RecordEvaluatorSheetInput,
} from './procurement.models';
import { ProcurementRepository } from './procurement.repository';
import { UUID } from '../graphql/ids';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { recordBidArgs, recordEvaluatorSheetArgs } from './procurement.schemas';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `bids[0].objective.O1` (the scoring library's path for a one-bid input) → `input.objective.O1`. */
function bidProblems(problems: Problem[]): Problem[] {
  return problems
    .filter((p) => p.path.startsWith('bids[0]'))
    .map((p) => {
      const rest = p.path
        .slice('bids[0]'.length)
        .replace(/^\.name\b/, '.bidderName')
        .replace(/^\.disqualified\b/, '.disqualificationReason');
      return { ...p, path: `input${rest}` };
    });
}

/** `sheets[0].items.S3.flaws` → `input.items.S3.flaws`. */
function sheetProblems(problems: Problem[]): Problem[] {
  return problems
    .filter((p) => p.path.startsWith('sheets[0]'))
    .map((p) => ({ ...p, path: `input${p.path.slice('sheets[0]'.length).replace(/^\.evaluatorId\b/, '.evaluator')}` }));
}

function bidInput(
  b: Pick<
    ProcurementBidEntity,
    'bidderName' | 'price' | 'smallOrMicro' | 'preferenceBasis' | 'objective' | 'disqualificationReason'
  >,
  bidderId: string,
): ProcurementInput['bids'][number] {
  return {
    bidderId,
    name: b.bidderName,
    price: b.price,
    smallOrMicro: b.smallOrMicro,
    ...(b.preferenceBasis ? { preferenceBasis: b.preferenceBasis } : {}),
    ...(b.disqualificationReason ? { disqualified: b.disqualificationReason } : {}),
    objective: b.objective,
  };
}

@Injectable()
export class ProcurementService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: ProcurementRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
  ) {}

  /** A vendor's scope reads no procurement row (RLS), and its abilities hold none: the list is empty. */
  async projects(): Promise<ProcurementProjectModel[]> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) =>
      (await this.repo.projects(em)).filter((p) => ability.can('read', subject('ProcurementProject', { ...p }))),
    );
  }

  async package(id: string): Promise<ProcurementPackageModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const pkg = await this.visiblePackage(em, id);
      return this.packageModel(pkg, await this.repo.bids(em, pkg.id), await this.repo.sheets(em, pkg.id));
    });
  }

  /**
   * A project's packages (by number) with their bids and sheets. A project outside the caller's reach (another
   * tenant, a vendor) is NOT_FOUND, like a package.
   */
  async packages(projectId: string): Promise<ProcurementPackageModel[]> {
    const ability = this.abilities.for(this.context.principal());
    return this.db.run(this.context.scope(), async (em) => {
      const project = UUID.test(projectId) ? await this.repo.project(em, projectId) : null;
      if (!project || !ability.can('read', subject('ProcurementProject', { ...project })))
        throw new DomainError('NOT_FOUND', 'no such procurement project');
      const out: ProcurementPackageModel[] = [];
      for (const pkg of await this.repo.packages(em, project.id)) {
        if (!ability.can('read', subject('ProcurementPackage', { ...pkg }))) continue;
        out.push(this.packageModel(pkg, await this.repo.bids(em, pkg.id), await this.repo.sheets(em, pkg.id)));
      }
      return out;
    });
  }

  /**
   * Scores the package from its stored rows on every call. An incomplete package (an evaluator without a
   * sheet for a valid bid, no bids yet) is BAD_USER_INPUT with the scoring library's problems; paths index
   * `bids` and `sheets` in the order `procurementPackage` lists them.
   */
  async ranking(packageId: string): Promise<PackageRankingModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const pkg = await this.visiblePackage(em, packageId);
      const bids = await this.repo.bids(em, pkg.id);
      const sheets = await this.repo.sheets(em, pkg.id);
      const input: ProcurementInput = {
        budget: pkg.budget,
        bids: bids.map((b) => bidInput(b, b.id)),
        sheets: sheets.map((s) => ({ evaluatorId: s.evaluator, bidderId: s.bidId, items: s.items })),
      };
      let result: ProcurementResult;
      try {
        result = scoreProcurement(pkg.scheme as ProcurementSchemeInput, input);
      } catch (e) {
        if (e instanceof ValidationError)
          throw new ValidationError(e.problems, `the package cannot be scored yet: ${e.problems.length} problem(s)`);
        throw e;
      }
      return this.rankingModel(pkg, bids, result);
    });
  }

  async createProject(input: CreateProcurementProjectInput): Promise<ProcurementProjectModel> {
    const p = this.mayCreate('ProcurementProject');
    return this.db.run(this.context.scope(), async (em) => {
      if (await this.repo.projectByCode(em, input.code))
        throw new DomainError(
          'CONFLICT',
          `a procurement project with code "${input.code}" exists`,
          [],
          reasonOf('procurement.projectExists', { code: input.code }),
        );
      return this.repo.insertProject(em, {
        tenantId: p.tenantId as string,
        code: input.code,
        name: input.name.trim(),
        createdBy: p.userId,
      });
    });
  }

  async addPackage(input: AddProcurementPackageInput): Promise<ProcurementPackageModel> {
    const p = this.mayCreate('ProcurementPackage');
    const ability = this.abilities.for(p);
    // The input passed procurement.schemas.ts: exactly one of a known preset with a scheme, or a scheme with a budget.
    let scheme: unknown = input.scheme;
    let budget = input.budget ?? null;
    if (input.presetId != null) {
      const config = getPreset(input.presetId).config;
      scheme = config.procurement;
      // Presets write the budget as a decimal string; a JSON number is normalised as the configuration language does.
      const written = config.money.budget;
      budget ??= typeof written === 'number' ? dec(written).toString() : (written ?? null);
    }
    return this.db.run(this.context.scope(), async (em) => {
      const project = UUID.test(input.projectId) ? await this.repo.project(em, input.projectId) : null;
      if (!project || !ability.can('read', subject('ProcurementProject', { ...project })))
        throw new DomainError('NOT_FOUND', 'no such procurement project');
      if (await this.repo.packageByNumber(em, project.id, input.number))
        throw new DomainError(
          'CONFLICT',
          `package ${input.number} exists in project ${project.code}`,
          [],
          reasonOf('procurement.packageExists', { number: input.number, project: project.code }),
        );
      const pkg = await this.repo.insertPackage(em, {
        tenantId: project.tenantId,
        projectId: project.id,
        number: input.number,
        name: input.name.trim(),
        budget: budget as string,
        scheme: scheme as Raw,
        presetId: input.presetId ?? null,
        createdBy: p.userId,
      });
      return this.packageModel(pkg, [], []);
    });
  }

  async recordBid(input: RecordBidInput): Promise<ProcurementBidModel> {
    const p = this.mayCreate('ProcurementBid');
    // The shape problems found by ValidateInput(recordBidArgs), reported with the answers' problems against the scheme.
    const problems = deferredProblems(input, recordBidArgs);
    const wrong = (field: string) => problems.some((x) => x.path === `input.${field}`);
    const bidderName = input.bidderName.trim();
    const reason = input.disqualificationReason == null ? null : input.disqualificationReason.trim();
    return this.db.run(this.context.scope(), async (em) => {
      const pkg = await this.visiblePackage(em, input.packageId);
      const row = {
        bidderName,
        price: input.price,
        smallOrMicro: input.smallOrMicro,
        preferenceBasis: (input.preferenceBasis ?? null) as ProcurementBidEntity['preferenceBasis'],
        objective: (input.objective ?? {}) as Raw,
        disqualificationReason: reason || null,
      };
      // The scoring library's own input check, on this bid alone (its objective answers against the scheme).
      // Fields already found wrong are replaced by neutral values so that every other problem is still reported.
      const priceOk = !wrong('price');
      const basisOk = input.preferenceBasis != null && !wrong('preferenceBasis');
      const probe = {
        ...bidInput(
          {
            ...row,
            price: priceOk ? row.price : '0.01',
            preferenceBasis: basisOk ? row.preferenceBasis : null,
            objective: isObject(input.objective) ? input.objective : {},
          },
          'new',
        ),
        name: bidderName || 'new',
        ...(input.preferenceBasis != null && !basisOk ? { preferenceBasis: 'small-micro' as const } : {}),
      };
      const one = { budget: pkg.budget, bids: [probe], sheets: [] };
      for (const q of bidProblems(checkProcurementInputs(pkg.scheme as ProcurementSchemeInput, one))) {
        // Answers cannot be checked one by one when the whole objective is not an object: one problem says so.
        if (q.path.startsWith('input.objective.') && input.objective != null && !isObject(input.objective)) continue;
        if (!problems.some((x) => x.path === q.path)) problems.push(q);
      }
      if (problems.length) throw new ValidationError(problems);
      if (await this.repo.bidByName(em, pkg.id, bidderName))
        throw new DomainError(
          'CONFLICT',
          `"${bidderName}" has already bid for this package`,
          [],
          reasonOf('procurement.bidExists', { bidder: bidderName }),
        );
      const bid = await this.repo.insertBid(em, {
        ...row,
        tenantId: pkg.tenantId,
        packageId: pkg.id,
        disqualified: row.disqualificationReason !== null,
        createdBy: p.userId,
      });
      return this.bidModel(bid);
    });
  }

  async recordEvaluatorSheet(input: RecordEvaluatorSheetInput): Promise<ProcurementEvaluatorSheetModel> {
    const p = this.mayCreate('ProcurementEvaluatorSheet');
    // The shape problems found by ValidateInput(recordEvaluatorSheetArgs), reported with the bid's and the answers' problems.
    const problems = deferredProblems(input, recordEvaluatorSheetArgs);
    const evaluator = input.evaluator.trim();
    return this.db.run(this.context.scope(), async (em) => {
      const pkg = await this.visiblePackage(em, input.packageId);
      const bid = UUID.test(input.bidId) ? await this.repo.bid(em, input.bidId) : null;
      if (!bid || bid.packageId !== pkg.id) problems.push(problem('input.bidId', 'unknown.bid'));
      else if (isObject(input.items)) {
        const one = {
          budget: pkg.budget,
          bids: [bidInput(bid, bid.id)],
          sheets: [{ evaluatorId: evaluator || 'new', bidderId: bid.id, items: input.items }],
        };
        problems.push(...sheetProblems(checkProcurementInputs(pkg.scheme as ProcurementSchemeInput, one)));
      }
      if (problems.length || !bid) throw new ValidationError(problems);
      if (await this.repo.sheet(em, pkg.id, evaluator, bid.id))
        throw new DomainError(
          'CONFLICT',
          `evaluator "${evaluator}" already has a sheet for "${bid.bidderName}"`,
          [],
          reasonOf('procurement.sheetExists', { evaluator, bidder: bid.bidderName }),
        );
      const sheet = await this.repo.insertSheet(em, {
        tenantId: pkg.tenantId,
        packageId: pkg.id,
        evaluator,
        bidId: bid.id,
        items: input.items as Raw,
        createdBy: p.userId,
      });
      return this.sheetModel(sheet);
    });
  }

  /** Decided before any lookup: finance and vendors may never write procurement records. */
  private mayCreate(name: ProcurementSubject): Principal {
    const p = this.context.principal();
    if (!p.tenantId || !this.abilities.for(p).can('create', subject(name, { tenantId: p.tenantId }))) {
      throw new DomainError('FORBIDDEN', 'only a buyer admin or buyer staff records procurement');
    }
    return p;
  }

  /** A package outside the caller's reach (another tenant's, or any for a vendor) is NOT_FOUND, whether it exists or not. */
  private async visiblePackage(em: EntityManager, id: string): Promise<ProcurementPackageEntity> {
    const ability = this.abilities.for(this.context.principal());
    const pkg = UUID.test(id) ? await this.repo.package(em, id) : null;
    if (!pkg || !ability.can('read', subject('ProcurementPackage', { ...pkg })))
      throw new DomainError('NOT_FOUND', 'no such procurement package');
    return pkg;
  }

  private packageModel(
    pkg: ProcurementPackageEntity,
    bids: ProcurementBidEntity[],
    sheets: ProcurementEvaluatorSheetEntity[],
  ): ProcurementPackageModel {
    return {
      id: pkg.id,
      projectId: pkg.projectId,
      number: pkg.number,
      name: pkg.name,
      budget: pkg.budget,
      scheme: pkg.scheme as JsonValue,
      presetId: pkg.presetId,
      createdAt: pkg.createdAt,
      bids: bids.map((b) => this.bidModel(b)),
      sheets: sheets.map((s) => this.sheetModel(s)),
    };
  }

  private bidModel(b: ProcurementBidEntity): ProcurementBidModel {
    return { ...b, objective: b.objective as JsonValue };
  }

  private sheetModel(s: ProcurementEvaluatorSheetEntity): ProcurementEvaluatorSheetModel {
    return { ...s, items: s.items as JsonValue };
  }

  private rankingModel(
    pkg: ProcurementPackageEntity,
    bids: ProcurementBidEntity[],
    r: ProcurementResult,
  ): PackageRankingModel {
    const name = (id: string) => bids.find((b) => b.id === id)?.bidderName ?? id;
    return {
      packageId: pkg.id,
      budget: r.budget,
      basePrice: r.basePrice ? { bidId: r.basePrice.bidderId, evaluatedPrice: r.basePrice.evaluatedPrice } : null,
      bidders: r.bidders.map((b) => ({
        bidId: b.bidderId,
        bidderName: name(b.bidderId),
        valid: b.valid,
        invalidReasons: b.invalidReasons,
        price: b.price,
        evaluatedPrice: b.evaluatedPrice,
        priceScore: b.priceScore ?? null,
        priceExplanation: b.priceExplanation ?? null,
        // Rendered with the audit sentence's place by procurement-explanation.resolvers.ts.
        priceExplained: b.priceExplained,
        objective: b.objective,
        subjective: b.subjective.map((s) => ({
          ...s,
          perEvaluator: s.perEvaluator.map((e) => ({
            evaluator: e.evaluatorId,
            points: e.points,
            explanation: e.explanation,
            explained: e.explained,
          })),
        })),
        objectiveTotal: b.objectiveTotal ?? null,
        subjectiveTotal: b.subjectiveTotal ?? null,
        evaluatorTotals: b.evaluatorTotals.map((e) => ({ evaluator: e.evaluatorId, total: e.total })),
        totalExact: b.totalExact ?? null,
        total: b.total ?? null,
        rank: b.rank ?? null,
      })),
      ranking: r.ranking.map((l) => ({
        rank: l.rank,
        bidId: l.bidderId,
        bidderName: name(l.bidderId),
        total: l.total,
        price: l.price,
        decidedBy: l.decidedBy,
      })),
      flags: r.flags.map((f) => ({ code: f.code, message: f.message })),
      notes: r.notes,
    };
  }
}
