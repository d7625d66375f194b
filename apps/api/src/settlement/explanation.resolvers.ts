import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { renderExplanation, type Schedule, type ScheduleDeduction, type ScheduleLine } from '@ledger/contracts';
import type { Request } from 'express';
import { ExplanationModel, explanationModel, requestLocale } from './explanation.models';
import { ScheduleDeductionModel, ScheduleLineModel, ScheduleModel } from './settlement.models';
import { CloseLineModel } from '../period-close/period-close.models';

/*
 * Schedules carry explanations as codes (stored that way too); these field resolvers render them for the caller:
 * the old string fields (formula, basis, reasons, notes) become text in the caller's language, and the
 * `*Explanation(s)` fields give code + params. A schedule stored before codes renders its English as stored.
 */

@Resolver(() => ScheduleDeductionModel)
export class ScheduleDeductionExplanationResolver {
  @ResolveField('formula', () => String, { description: "The formula in the caller's language." })
  formula(@Parent() d: ScheduleDeduction, @Context('req') req: Request | undefined): string {
    return renderExplanation(d.formula, requestLocale(req));
  }

  @ResolveField('formulaExplanation', () => ExplanationModel)
  formulaExplanation(@Parent() d: ScheduleDeduction, @Context('req') req: Request | undefined): ExplanationModel {
    return explanationModel(d.formula, requestLocale(req));
  }
}

@Resolver(() => ScheduleLineModel)
export class ScheduleLineExplanationResolver {
  @ResolveField('basis', () => String, { description: "How the gross amount was derived, in the caller's language." })
  basis(@Parent() l: ScheduleLine, @Context('req') req: Request | undefined): string {
    return renderExplanation(l.basis, requestLocale(req));
  }

  @ResolveField('basisExplanation', () => ExplanationModel)
  basisExplanation(@Parent() l: ScheduleLine, @Context('req') req: Request | undefined): ExplanationModel {
    return explanationModel(l.basis, requestLocale(req));
  }

  @ResolveField('reasons', () => [String])
  reasons(@Parent() l: ScheduleLine, @Context('req') req: Request | undefined): string[] {
    return (l.reasons ?? []).map((r) => renderExplanation(r, requestLocale(req)));
  }

  @ResolveField('reasonExplanations', () => [ExplanationModel])
  reasonExplanations(@Parent() l: ScheduleLine, @Context('req') req: Request | undefined): ExplanationModel[] {
    return (l.reasons ?? []).map((r) => explanationModel(r, requestLocale(req)));
  }
}

@Resolver(() => ScheduleModel)
export class ScheduleExplanationResolver {
  @ResolveField('notes', () => [String])
  notes(@Parent() s: Schedule, @Context('req') req: Request | undefined): string[] {
    return (s.notes ?? []).map((n) => renderExplanation(n, requestLocale(req)));
  }

  @ResolveField('noteExplanations', () => [ExplanationModel])
  noteExplanations(@Parent() s: Schedule, @Context('req') req: Request | undefined): ExplanationModel[] {
    return (s.notes ?? []).map((n) => explanationModel(n, requestLocale(req)));
  }
}

@Resolver(() => CloseLineModel)
export class CloseLineExplanationResolver {
  @ResolveField('formula', () => String, { description: "The formula in the caller's language (an older close shows its stored text)." })
  formula(@Parent() l: CloseLineModel, @Context('req') req: Request | undefined): string {
    return renderExplanation(l.formula, requestLocale(req));
  }

  @ResolveField('formulaExplanation', () => ExplanationModel)
  formulaExplanation(@Parent() l: CloseLineModel, @Context('req') req: Request | undefined): ExplanationModel {
    return explanationModel(l.formula, requestLocale(req));
  }
}

/** Registered in app.module next to the settlement resolver. */
export const EXPLANATION_RESOLVERS = [ScheduleDeductionExplanationResolver, ScheduleLineExplanationResolver, ScheduleExplanationResolver, CloseLineExplanationResolver];
