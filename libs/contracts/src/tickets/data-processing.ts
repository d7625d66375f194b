import { problem, type Problem } from '@ledger/kernel';
import type { ChecklistMark, DataChecklist } from './ticket.types';

/** The categories whose fix is a change of production data (000:41–42, 000:57–58). */
export const DATA_PROCESSING_CATEGORIES = ['单笔数据调整', '批量数据处理'] as const;
export const SINGLE_DATA_ADJUSTMENT = '单笔数据调整';
export const BATCH_DATA_PROCESSING = '批量数据处理';

export const isDataProcessing = (category: string): boolean =>
  (DATA_PROCESSING_CATEGORIES as readonly string[]).includes(category);

export type ChecklistItem = Exclude<keyof DataChecklist, 'deletes'>;

/** Each item, what it is and where the seed asks for it. */
export const CHECKLIST_ITEMS: readonly { item: ChecklistItem; label: string; seed: string }[] = [
  { item: 'script', label: '处理脚本 (processing script)', seed: '000:59, 000:61' },
  { item: 'record', label: '处理记录 (processing record, before processing)', seed: '000:60' },
  {
    item: 'jointReview',
    label: '信息部门、业务人员、项目经理共同确认处理方式 (joint review of the method)',
    seed: '000:61',
  },
  { item: 'backup', label: '备份数据 in a separate backup user (backup)', seed: '000:62' },
  { item: 'testDatabase', label: '测试库模拟测试并经干系人确认 (test-database run confirmed)', seed: '000:63' },
  {
    item: 'itConfirmation',
    label: '信息部门确认测试结果及脚本、记录、备份完整 (IT department confirmation)',
    seed: '000:64',
  },
];

export const isDone = (mark: ChecklistMark | undefined): boolean =>
  mark === true || (typeof mark === 'string' && mark.trim() !== '');

/**
 * Items required before a data-processing ticket deploys to production:
 *  - always: script, record, test-database check, IT confirmation (000:59, 60, 63, 64);
 *  - 批量数据处理: joint review (000:61 — "单笔的疑难数据处理、批量数据处理"; whether a single adjustment is
 *    疑难 is a judgement the ledger cannot make, so only batch processing requires it);
 *  - backup: 批量数据处理 always, 单笔数据调整 unless the checklist says it deletes nothing
 *    (`deletes: false`) — 000:62 asks for a backup before "删除性质的单笔数据处理以及批量数据处理"; unknown
 *    counts as deleting (the safe side).
 */
export function requiredChecklistItems(category: string, checklist: DataChecklist = {}): ChecklistItem[] {
  if (!isDataProcessing(category)) return [];
  const batch = category === BATCH_DATA_PROCESSING;
  return CHECKLIST_ITEMS.map((c) => c.item).filter((item) => {
    if (item === 'jointReview') return batch;
    if (item === 'backup') return batch || checklist.deletes !== false;
    return true;
  });
}

/** One problem per missing item (`checklist.<item>`), every one of them. */
export function checklistProblems(category: string, checklist: DataChecklist = {}): Problem[] {
  return requiredChecklistItems(category, checklist)
    .filter((item) => !isDone(checklist[item]))
    .map((item) => {
      const def = CHECKLIST_ITEMS.find((c) => c.item === item);
      return problem(`checklist.${item}`, 'ticket.checklistMissing', {
        category,
        item: def?.label ?? item,
        seed: def?.seed ?? '000:57–65',
      });
    });
}
