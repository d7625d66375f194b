import { businessSatisfactionComponent, itSatisfactionComponent } from '../fixtures/seed-schemes';
import { choiceTableRule } from './choice-table.rule';

const business = choiceTableRule.paramsSchema.parse(businessSatisfactionComponent.params);
const it_ = choiceTableRule.paramsSchema.parse(itSatisfactionComponent.params);

describe('choice-table', () => {
  it.each([
    ['非常满意', '10.00'],
    ['比较满意', '5.00'],
    ['一般', '-3.00'],
    ['不满意', '-5.00'],
    ['非常不满意', '-10.00'],
  ])('经办部门 %s → %s', (c, p) => {
    expect(choiceTableRule.evaluate(business, c).points).toBe(p);
  });
  it.each([
    ['好', '5.00'],
    ['一般', '0.00'],
    ['差', '-2.00'],
    ['很差', '-4.00'],
    ['非常差', '-6.00'],
  ])('信息部门 %s → %s', (c, p) => {
    expect(choiceTableRule.evaluate(it_, c).points).toBe(p);
  });
  it('explains', () => {
    expect(choiceTableRule.evaluate(business, '比较满意').explanation).toBe('经办部门整体满意度: 比较满意 → +5');
  });
  it('an unknown choice is an input problem listing the choices', () => {
    const r = choiceTableRule.inputSchema(business).safeParse('满意');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('must be one of: 非常满意, 比较满意, 一般, 不满意, 非常不满意');
  });
  it('rejects duplicate choices', () => {
    const p = choiceTableRule.paramsSchema.parse({
      question: 'q',
      choices: [
        { value: 'a', points: 1 },
        { value: 'b', points: 0 },
        { value: 'a', points: 2 },
      ],
    });
    expect(choiceTableRule.validate(p)).toMatchObject([
      { path: 'choices[2].value', message: 'duplicate choice "a" (also choices[0])' },
    ]);
  });
});
