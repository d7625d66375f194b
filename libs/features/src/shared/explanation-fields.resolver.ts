import type { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver, type ResolveFieldOptions } from '@nestjs/graphql';
import { renderExplanation } from '@ledger/contracts';
import type { Request } from 'express';
import { ExplanationModel, explanationModel, requestLocale } from './explanation.models';

type FieldNames = {
  /** The string field: the explanation rendered in the caller's language. */
  text: string;
  /** The field beside it giving code + params (`formulaExplanation`, `noteExplanations`, `explained`). */
  structured: string;
  /** The text field's description; the structured field's is structuredDescription (by default: the text field's, as data). */
  description?: string;
  structuredDescription?: string;
};

/**
 * One stored explanation (or a list of them) on a parent, exposed as a text field and a structured field. The
 * accessor reads the stored form; it may pick between stored shapes (a missing input's `explained ?? message`).
 */
export type ExplanationField<P> = FieldNames & (OneExplanation<P> | ExplanationList<P>);

type OneExplanation<P> = {
  one: (parent: P) => unknown;
  /** Both fields nullable: a stored null stays null. */
  nullable?: true;
};

/** A missing list (a row stored before the field existed) is an empty one. */
type ExplanationList<P> = { many: (parent: P) => readonly unknown[] | null | undefined };

type Req = Request | undefined;
type FieldType = () => typeof String | typeof ExplanationModel | [typeof String] | [typeof ExplanationModel];

/**
 * A `@Resolver(() => model)` class with a text and a structured field resolver per entry, so every model renders its
 * explanations the same way. P is the parent as stored (the model by default; annotate the accessor to widen it).
 * The class is named after the model (ScheduleLineModel → ScheduleLineExplanationResolver): Nest needs one provider
 * per model.
 */
export function explanationFieldsResolver<M extends object, P = M>(
  model: Type<M>,
  fields: readonly ExplanationField<P>[],
): Type<object> {
  class ExplanationFieldsResolver {}
  Object.defineProperty(ExplanationFieldsResolver, 'name', {
    value: `${model.name.replace(/Model$/, '')}ExplanationResolver`,
  });
  const prototype = ExplanationFieldsResolver.prototype;

  /** What a method `@ResolveField(name, type, options) name(@Parent() p, @Context('req') req)` gets, in TypeScript's order. */
  const define = (
    name: string,
    type: FieldType,
    options: ResolveFieldOptions,
    resolve: (parent: P, req: Req) => unknown,
  ) => {
    const descriptor: PropertyDescriptor = { value: resolve, writable: true, enumerable: false, configurable: true };
    Context('req')(prototype, name, 1);
    Parent()(prototype, name, 0);
    Object.defineProperty(
      prototype,
      name,
      ResolveField(name, type, options)(prototype, name, descriptor) ?? descriptor,
    );
  };
  // Only the keys a field sets, as a hand-written decorator would pass them.
  const options = (description: string | undefined, nullable: boolean): ResolveFieldOptions => ({
    ...(nullable ? { nullable: true } : {}),
    ...(description === undefined ? {} : { description }),
  });

  for (const field of fields) {
    // Every schema field is described (graphql-schema-linter): the structured one defaults to naming its text field.
    const structuredDescription =
      field.structuredDescription ??
      `The same as \`${field.text}\`, as data: a stable code and its parameters, with the text.`;
    if ('one' in field) {
      const { one, nullable = false } = field;
      // Only a stored null is null (as the hand-written resolvers had it); anything else renders.
      const isNull = (stored: unknown) => nullable && stored === null;
      define(
        field.text,
        () => String,
        options(field.description, nullable),
        (parent, req) => {
          const stored = one(parent);
          return isNull(stored) ? null : renderExplanation(stored, requestLocale(req));
        },
      );
      define(
        field.structured,
        () => ExplanationModel,
        options(structuredDescription, nullable),
        (parent, req) => {
          const stored = one(parent);
          return isNull(stored) ? null : explanationModel(stored, requestLocale(req));
        },
      );
    } else {
      const { many } = field;
      define(
        field.text,
        () => [String],
        options(field.description, false),
        (parent, req) => (many(parent) ?? []).map((n) => renderExplanation(n, requestLocale(req))),
      );
      define(
        field.structured,
        () => [ExplanationModel],
        options(structuredDescription, false),
        (parent, req) => (many(parent) ?? []).map((n) => explanationModel(n, requestLocale(req))),
      );
    }
  }

  Resolver(() => model)(ExplanationFieldsResolver);
  return ExplanationFieldsResolver;
}
