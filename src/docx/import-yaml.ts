// An ImportResult as the plan file a clerk edits (the serializer's layout and the $schema comment
// that `init` writes, leftovers kept as comments at the end) and as a short report of what was
// found, what was guessed and what must still be filled in.
import { serializeDraft } from '../plan/serialize.js';
import schema from '../plan/schema-data.js';
import type { ImportResult } from './import/index.js';

export interface ImportYamlOptions {
  /** What follows `$schema=` (schemaReference of the target). */
  schemaPath?: string;
  /** The .docx as the user named it. */
  source: string;
}

interface TitledNode {
  title?: string;
  properties?: Record<string, TitledNode>;
  items?: TitledNode;
  $ref?: string;
}

const definitions = (schema as unknown as { definitions: Record<string, TitledNode> }).definitions;
const resolve = (node: TitledNode | undefined): TitledNode | undefined =>
  node?.$ref === undefined ? node : definitions[node.$ref.replace('#/definitions/', '')];

/** `/tasks/pillars/0/lead` → `tasks.pillars[0].lead (Cơ quan chủ trì)`: as the YAML reads, named as the schema names it. */
export function fieldName(pointer: string): string {
  let node = resolve(schema as unknown as TitledNode);
  let path = '';
  for (const segment of pointer.split('/').slice(1)) {
    if (/^\d+$/u.test(segment)) {
      path += `[${segment}]`;
      node = resolve(node?.items);
    } else {
      path += path === '' ? segment : `.${segment}`;
      node = resolve(node?.properties?.[segment]);
    }
  }
  return node?.title ? `${path} (${node.title})` : path;
}

const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/gu, ' ').trim();

export function importToYaml(result: ImportResult, options: ImportYamlOptions): string {
  const comments = [
    `Nhập từ ${oneLine(options.source)} bằng kehoach import. Xem lại những chỗ chương trình đoán, điền những chỗ còn thiếu, rồi chạy kehoach check.`,
  ];
  for (const pointer of result.guessed) comments.push(`Đoán: ${fieldName(pointer)}`);
  for (const pointer of result.missing) comments.push(`Còn thiếu: ${fieldName(pointer)}`);
  let text = serializeDraft(result.data, {
    ...(options.schemaPath ? { schemaPath: options.schemaPath } : {}),
    comments,
  });
  if (result.leftovers.length > 0) {
    const lines = [
      '',
      '# Những đoạn chưa xếp được vào kế hoạch: giữ lại ở đây để không mất chữ nào; chép vào đúng chỗ nếu cần.',
    ];
    for (const l of result.leftovers)
      lines.push(`# đoạn ${l.paragraph}, chưa xếp được: ${oneLine(l.text)}`, `#   (${oneLine(l.why)})`);
    text += `${lines.join('\n')}\n`;
  }
  return text;
}

function count(data: Record<string, unknown>, key: string): number {
  const value = data[key];
  return Array.isArray(value) ? value.length : 0;
}

/** What `kehoach import` prints: found, guessed, must be filled in, and the leftovers. */
export function importReport(result: ImportResult, options: { source: string; target: string }): string {
  const { data } = result;
  const tasks = (data['tasks'] ?? {}) as Record<string, unknown[]>;
  const perGroup = Object.values(tasks).map((t) => t.length);
  const found: string[] = [];
  const agency = (data['agency'] ?? {}) as Record<string, unknown>;
  const doc = (data['document'] ?? {}) as Record<string, unknown>;
  if (agency['name']) found.push(`cơ quan ban hành (${String(agency['name'])})`);
  if (doc['number'] !== undefined) found.push(`số ${String(doc['number'])}`);
  if (doc['date'] !== undefined) found.push(`ngày ${String(doc['date'])}`);
  if (doc['title']) found.push('trích yếu');
  const lists: [string, string][] = [
    ['bases', 'căn cứ'],
    ['purposes', 'mục đích'],
    ['requirements', 'yêu cầu'],
    ['funding', 'đoạn kinh phí'],
    ['implementation', 'cơ quan tổ chức thực hiện'],
    ['recipients', 'nơi nhận'],
  ];
  for (const [key, label] of lists) if (count(data, key) > 0) found.push(`${count(data, key)} ${label}`);
  const total = perGroup.reduce((a, b) => a + b, 0);
  if (total > 0) found.push(`${total} nhiệm vụ (theo năm nhóm: ${perGroup.join(', ')})`);
  if (data['reporting'] && Object.keys(data['reporting'] as object).length > 0) found.push('chế độ báo cáo');
  if (data['signer'] && Object.keys(data['signer'] as object).length > 0) found.push('người ký');

  const lines = [`Đã đọc ${options.source} và ghi ${options.target}.`];
  lines.push(found.length > 0 ? `Tìm thấy: ${found.join('; ')}.` : 'Không tìm thấy phần nào của kế hoạch.');
  if (result.guessed.length > 0) {
    lines.push(`Chương trình đoán ${result.guessed.length} chỗ, cần xem lại:`);
    for (const pointer of result.guessed) {
      const at = result.sources.get(pointer);
      lines.push(`  - ${fieldName(pointer)}${at === undefined ? '' : `, theo đoạn ${at}`}`);
    }
  }
  if (result.missing.length > 0) {
    lines.push(`Còn thiếu ${result.missing.length} chỗ, cần điền:`);
    for (const pointer of result.missing) lines.push(`  - ${fieldName(pointer)}`);
  }
  if (result.leftovers.length > 0) {
    lines.push(`${result.leftovers.length} đoạn chưa xếp được, đã ghi ở cuối tệp dưới dạng chú thích (# đoạn …):`);
    for (const l of result.leftovers.slice(0, 10)) {
      const text = oneLine(l.text);
      lines.push(`  - đoạn ${l.paragraph}: «${text.length > 60 ? `${text.slice(0, 60)}…` : text}» (${l.why})`);
    }
    if (result.leftovers.length > 10) lines.push(`  … và ${result.leftovers.length - 10} đoạn khác.`);
  }
  return `${lines.join('\n')}\n`;
}
