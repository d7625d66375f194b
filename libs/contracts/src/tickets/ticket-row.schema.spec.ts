import { renderProblem } from '@ledger/kernel';
import { parseContractConfig } from '../config/validate-contract-config';
import { getPreset } from '../presets';
import { newTicketRowsState, normaliseInstant, validateTicketRows } from './ticket-row.schema';

const config = parseContractConfig(getPreset('xuzhou-2026').config);
/** The import's clock: after every time of these rows. */
const now = Date.parse('2026-06-01T00:00:00+08:00');

const good = (id: string, extra: Record<string, string> = {}): Record<string, string> => ({
  编号: id,
  问题分类: '软件错误',
  业务领域: '医疗待遇',
  严重程度: 'L2',
  特别关注: '否',
  期望完成日期: '2026-03-10',
  提出时间: '2026-03-02 09:00',
  ...extra,
});

describe('validateTicketRows', () => {
  it('turns good rows (Chinese or English headers) into tickets', () => {
    const r = validateTicketRows(
      [
        good('LX-001'),
        {
          id: 'LX-002',
          category: '批量数据处理',
          severity: 'L4',
          specialAttention: '是',
          expectedCloseDate: '2026/3/5',
          submittedAt: '2026-03-01T10:00:00+08:00',
          receivedAt: '2026-03-01 10:30',
          deployedAt: '2026-03-04 20:30',
        },
      ],
      config,
      { now },
    );
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.tickets[0]).toMatchObject({
      id: 'LX-001',
      category: '软件错误',
      businessArea: '医疗待遇',
      severity: 'L2',
      specialAttention: false,
      expectedCloseDate: '2026-03-10',
      state: 'submitted',
    });
    expect(r.tickets[0].events).toEqual([
      { kind: 'submitted', at: '2026-03-02T09:00:00+08:00', actor: 'buyer', note: 'imported' },
    ]);
    expect(r.tickets[1]).toMatchObject({
      id: 'LX-002',
      specialAttention: true,
      expectedCloseDate: '2026-03-05',
      state: 'deployed',
    });
    expect(r.tickets[1].events.map((e) => e.kind)).toEqual(['submitted', 'effective', 'received', 'deployed']);
  });

  it('reports every problem of every row, with row paths', () => {
    const rows = [
      good('LX-001'), // rows[0]: fine
      good('LX-002', { 问题分类: '闲聊', 严重程度: 'P1' }), // rows[1]: unknown category and severity
      good('LX-003', { 期望完成日期: '2026-02-30', 提出时间: 'yesterday' }), // rows[2]: bad date and time
      good('LX-001'), // rows[3]: duplicate id
      good('LX-005', { 特别关注: '是', 期望完成日期: '' }), // rows[4]: special attention without a date
      good('LX-006', { 特别关注: '也许' }), // rows[5]: not 是/否
      good('LX-007', { 业务领域: '工伤', 关闭时间: '2026-03-09 10:00' }), // rows[6]: unknown area, closed without deployment
      good('LX-008', { 签收时间: '2026-03-01 08:00' }), // rows[7]: receipt before submission
      { ...good('LX-009'), id: 'LX-009b' }, // rows[8]: 编号 and id both given
      { 编号: '', 问题分类: '', 严重程度: '', 提出时间: '' }, // rows[9]: required fields missing
    ];
    const r = validateTicketRows(rows, config, { existingIds: ['LX-005'], now });
    expect(r.ok).toBe(false);
    // Every problem is a code with its parameters (the console renders it in Chinese), never the generic 取值无效.
    expect(r.problems.map((p) => [p.path, p.code, p.params])).toEqual([
      [
        'rows[1].category',
        'unknown.category',
        {
          value: '闲聊',
          known: '业务咨询, 环境故障, 软件错误, 人为错误, 功能改进, 需求变更, 需求新增, 单笔数据调整, 批量数据处理',
        },
      ],
      ['rows[1].severity', 'ticket.unknownSeverity', { value: 'P1', known: 'L1, L2, L3, L4' }],
      ['rows[2].expectedCloseDate', 'date.format', {}],
      ['rows[2].submittedAt', 'instant.format', { value: 'yesterday', zone: 'Asia/Shanghai' }],
      ['rows[3].id', 'list.duplicateId', { value: 'LX-001', other: 'rows[0]' }],
      ['rows[4].expectedCloseDate', 'ticket.specialNeedsExpected', {}],
      ['rows[4].id', 'ticket.exists', { value: 'LX-005' }],
      ['rows[5].specialAttention', 'text.yesNo', {}],
      ['rows[6].businessArea', 'unknown.businessArea', { value: '工伤', known: '公共业务, 医疗待遇, 生育待遇' }],
      ['rows[6].deployedAt', 'ticket.closedNeedsDeployment', {}],
      // The earlier step is named by the column the file used.
      [
        'rows[7].receivedAt',
        'ticket.timelineOrder',
        { value: '2026-03-01T08:00:00+08:00', field: '提出时间', previous: '2026-03-02T09:00:00+08:00' },
      ],
      ['rows[8].id', 'import.columnTwice', { first: '编号', second: 'id' }],
      ['rows[9].id', 'ticket.idRequired', {}],
      ['rows[9].category', 'ticket.categoryRequired', {}],
      ['rows[9].severity', 'ticket.severityRequired', {}],
      ['rows[9].submittedAt', 'ticket.submittedAtRequired', {}],
    ]);
    // The English text is still each problem's message.
    expect(r.problems.find((p) => p.path === 'rows[8].id')?.message).toBe('given twice, as "编号" and "id"');
    expect(r.problems.map((p) => renderProblem('zh-CN', p.code, p.params)).slice(10, 12)).toEqual([
      '2026-03-01T08:00:00+08:00 早于提出时间（2026-03-02T09:00:00+08:00）',
      '同一字段出现在两列：“编号”和“id”',
    ]);
    // The good row is still returned for a preview.
    expect(r.tickets.map((t) => t.id)).toEqual(['LX-001']);
  });

  it('reports an unknown column once', () => {
    const r = validateTicketRows([good('A', { 备注: 'x' }), good('B', { 备注: 'y' })], config, { now });
    expect(r.problems.map((p) => p.path)).toEqual(['rows[0].备注']);
  });

  it('reads local times in the contract zone', () => {
    expect(normaliseInstant('2026/3/5 8:05', 'Asia/Shanghai')).toBe('2026-03-05T08:05:00+08:00');
    expect(normaliseInstant('2026-03-05T00:05:00Z', 'Asia/Shanghai')).toBe('2026-03-05T08:05:00+08:00');
    expect(normaliseInstant('2026-03-05 24:00', 'Asia/Shanghai')).toBeNull();
  });

  it('refuses a submission in the future or before the contract term, as createTicket does (one rule)', () => {
    const r = validateTicketRows(
      [
        good('F-1', { 提出时间: '2099-01-01 09:00' }),
        good('F-2', { 提出时间: '1900-01-01 09:00', 期望完成日期: '' }),
        good('F-3', { 提出时间: '2025-12-31 23:59' }),
        good('F-4', { 提出时间: '2026-05-31 23:59', 签收时间: '2026-06-01 00:05' }),
        good('F-5', { 提出时间: '2026-01-01 00:00', 签收时间: '2026-06-01 00:01' }),
      ],
      config,
      { now },
    );
    expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'rows[0].submittedAt: 2099-01-01T09:00:00+08:00 is in the future: record what has happened',
      "rows[1].submittedAt: 1900-01-01T09:00:00+08:00 is before the contract's term (2026-01-01T00:00:00+08:00): a ticket is submitted under a running contract",
      "rows[2].submittedAt: 2025-12-31T23:59:00+08:00 is before the contract's term (2026-01-01T00:00:00+08:00): a ticket is submitted under a running contract",
      'rows[3].receivedAt: 2026-06-01T00:05:00+08:00 is in the future: record what has happened',
    ]);
    expect(r.tickets.map((t) => t.id)).toEqual(['F-5']);
  });

  it('validates a file a chunk at a time with the same row paths and duplicate checks', () => {
    const state = newTicketRowsState();
    const first = validateTicketRows([good('C-1'), good('C-2', { 备注: 'x' })], config, { now, state });
    const second = validateTicketRows([good('C-3', { 备注: 'y' }), good('C-1')], config, { now, state, offset: 2 });
    expect([...first.problems, ...second.problems].map((p) => p.path)).toEqual(['rows[1].备注', 'rows[3].id']);
    expect(second.problems[0].message).toBe('duplicate id "C-1" (also rows[0])');
  });
});
