import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { renderExplanation } from '@ledger/contracts';
import type { Request } from 'express';
import { ExplanationModel, explanationModel, requestLocale } from '../settlement/explanation.models';
import { AssessmentLineModel, DerivedMetricModel, MissingInputModel, PeriodAssessmentModel, PeriodCloseFlagModel, PeriodClosePreviewModel, YearScoreModel } from './period-close.models';

/*
 * A close stores its explanations (breakdown lines, assessment totals, notes, flags, year score, metrics) in their
 * structured form; these field resolvers render the string fields in the caller's language and expose code + params
 * beside them. A close stored before codes shows its English as stored.
 */

type Req = Request | undefined;
const texts = (stored: readonly unknown[] | null | undefined, req: Req): string[] => (stored ?? []).map((n) => renderExplanation(n, requestLocale(req)));
const models = (stored: readonly unknown[] | null | undefined, req: Req): ExplanationModel[] => (stored ?? []).map((n) => explanationModel(n, requestLocale(req)));

@Resolver(() => AssessmentLineModel)
export class AssessmentLineExplanationResolver {
  @ResolveField('explanation', () => String, { description: "How the points were found, in the caller's language." })
  explanation(@Parent() l: AssessmentLineModel, @Context('req') req: Req): string {
    return renderExplanation(l.explanation, requestLocale(req));
  }

  @ResolveField('explained', () => ExplanationModel, { description: 'The explanation as code + params (score.staff-average, score.banded, …).' })
  explained(@Parent() l: AssessmentLineModel, @Context('req') req: Req): ExplanationModel {
    return explanationModel(l.explanation, requestLocale(req));
  }
}

@Resolver(() => PeriodCloseFlagModel)
export class PeriodCloseFlagExplanationResolver {
  @ResolveField('message', () => String, { description: "The flag in the caller's language." })
  message(@Parent() f: PeriodCloseFlagModel, @Context('req') req: Req): string {
    return renderExplanation(f.message, requestLocale(req));
  }

  @ResolveField('messageExplanation', () => ExplanationModel)
  messageExplanation(@Parent() f: PeriodCloseFlagModel, @Context('req') req: Req): ExplanationModel {
    return explanationModel(f.message, requestLocale(req));
  }
}

@Resolver(() => PeriodAssessmentModel)
export class PeriodAssessmentExplanationResolver {
  @ResolveField('explanation', () => String, { nullable: true, description: "base + Σ points = score, in the caller's language." })
  explanation(@Parent() a: PeriodAssessmentModel, @Context('req') req: Req): string | null {
    return a.explanation === null ? null : renderExplanation(a.explanation, requestLocale(req));
  }

  @ResolveField('explained', () => ExplanationModel, { nullable: true })
  explained(@Parent() a: PeriodAssessmentModel, @Context('req') req: Req): ExplanationModel | null {
    return a.explanation === null ? null : explanationModel(a.explanation, requestLocale(req));
  }

  @ResolveField('notes', () => [String])
  notes(@Parent() a: PeriodAssessmentModel, @Context('req') req: Req): string[] {
    return texts(a.notes, req);
  }

  @ResolveField('noteExplanations', () => [ExplanationModel])
  noteExplanations(@Parent() a: PeriodAssessmentModel, @Context('req') req: Req): ExplanationModel[] {
    return models(a.notes, req);
  }
}

@Resolver(() => YearScoreModel)
export class YearScoreExplanationResolver {
  @ResolveField('explanation', () => String)
  explanation(@Parent() y: YearScoreModel, @Context('req') req: Req): string {
    return renderExplanation(y.explanation, requestLocale(req));
  }

  @ResolveField('explained', () => ExplanationModel)
  explained(@Parent() y: YearScoreModel, @Context('req') req: Req): ExplanationModel {
    return explanationModel(y.explanation, requestLocale(req));
  }

  @ResolveField('notes', () => [String])
  notes(@Parent() y: YearScoreModel, @Context('req') req: Req): string[] {
    return texts(y.notes, req);
  }

  @ResolveField('noteExplanations', () => [ExplanationModel])
  noteExplanations(@Parent() y: YearScoreModel, @Context('req') req: Req): ExplanationModel[] {
    return models(y.notes, req);
  }
}

@Resolver(() => DerivedMetricModel)
export class DerivedMetricExplanationResolver {
  @ResolveField('explanation', () => String)
  explanation(@Parent() m: DerivedMetricModel, @Context('req') req: Req): string {
    return renderExplanation(m.explanation, requestLocale(req));
  }

  @ResolveField('explained', () => ExplanationModel)
  explained(@Parent() m: DerivedMetricModel, @Context('req') req: Req): ExplanationModel {
    return explanationModel(m.explanation, requestLocale(req));
  }

  @ResolveField('notes', () => [String])
  notes(@Parent() m: DerivedMetricModel, @Context('req') req: Req): string[] {
    return texts(m.notes, req);
  }

  @ResolveField('noteExplanations', () => [ExplanationModel])
  noteExplanations(@Parent() m: DerivedMetricModel, @Context('req') req: Req): ExplanationModel[] {
    return models(m.notes, req);
  }
}

@Resolver(() => PeriodClosePreviewModel)
export class PeriodClosePreviewExplanationResolver {
  @ResolveField('notes', () => [String])
  notes(@Parent() p: PeriodClosePreviewModel, @Context('req') req: Req): string[] {
    return texts(p.notes, req);
  }

  @ResolveField('noteExplanations', () => [ExplanationModel])
  noteExplanations(@Parent() p: PeriodClosePreviewModel, @Context('req') req: Req): ExplanationModel[] {
    return models(p.notes, req);
  }
}

/** A missing input: `explained` (code) when the close was computed with codes, else the stored English message. */
type StoredMissing = MissingInputModel & { explained?: unknown };

@Resolver(() => MissingInputModel)
export class MissingInputExplanationResolver {
  @ResolveField('message', () => String, { description: "What is missing, in the caller's language." })
  message(@Parent() m: StoredMissing, @Context('req') req: Req): string {
    return renderExplanation(m.explained ?? m.message, requestLocale(req));
  }

  @ResolveField('messageExplanation', () => ExplanationModel)
  messageExplanation(@Parent() m: StoredMissing, @Context('req') req: Req): ExplanationModel {
    return explanationModel(m.explained ?? m.message, requestLocale(req));
  }
}

export const PERIOD_CLOSE_EXPLANATION_RESOLVERS = [
  MissingInputExplanationResolver,
  AssessmentLineExplanationResolver,
  PeriodCloseFlagExplanationResolver,
  PeriodAssessmentExplanationResolver,
  YearScoreExplanationResolver,
  DerivedMetricExplanationResolver,
  PeriodClosePreviewExplanationResolver,
];
