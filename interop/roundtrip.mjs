#!/usr/bin/env node
// Interop proof for tollwatch with Confluent's own JavaScript serde (@confluentinc/schemaregistry) and kafkajs.
//
//   node roundtrip.mjs --bootstrap 127.0.0.1:9092 --registry http://127.0.0.1:8081/apis/ccompat/v7 \
//       [--reports reports.jsonl] [--schema ../schemas/Report.avsc] [--expect JSON] [--timeout-ms 60000]
//
// (a) registers schemas/Report.avsc under `<reports topic>-value` (TopicNameStrategy) and writes every report of
//     --reports (JSON lines, the field names of the Avro schema, as for `tollwatch produce`) with Confluent's
//     AvroSerializer, keyed by report_id;
// (b) reads the totals topic from the beginning with Confluent's AvroDeserializer, read_committed (tollwatch writes
//     with exactly-once transactions), until every expected total is there or the timeout passes.
//
// Standard output, one JSON object a line: {"type":"produced",...} per report written, {"type":"total",...} per total
// read (the value exactly as the Confluent deserializer decoded it), then {"type":"done","matched":true|false,...}.
// Diagnostics go to standard error. Exit status 0 when every expected total was seen, 3 on timeout, 1 on error.
//
// Avro details the JS side must get right:
// - timestamp-millis (published_at, updated_at) and date (figure date, counter day) are plain numbers here: avsc
//   ignores logical types unless told otherwise, so a timestamp is epoch milliseconds and a date is epoch days.
//   Both stay well inside Number.MAX_SAFE_INTEGER, so no Long/BigInt is needed.
// - optional fields are unions ["null", T]; avsc's default `wrapUnions: 'auto'` writes and reads them unwrapped
//   (null or the bare value, not {"string": ...}).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const here = dirname(fileURLToPath(import.meta.url));
const DAY_MS = 86_400_000;

// The spec's worked example (Aleppo, 29 November 2024), when no --expect is given.
const WORKED_EXAMPLE = {
  'SY-HL|killed|all': { best: 277 },
  'SY-HL|killed|civilians': { best: 24, low: 4 },
  'SY-HL|displaced|all': { best: 14000 },
  'SY|killed|all': { best: 277 },
};

const { values: args } = parseArgs({
  options: {
    bootstrap: { type: 'string' },
    registry: { type: 'string' },
    reports: { type: 'string', default: resolve(here, 'reports.jsonl') },
    schema: { type: 'string', default: resolve(here, '..', 'schemas', 'Report.avsc') },
    'reports-topic': { type: 'string', default: 'tollwatch.reports.v1' },
    'totals-topic': { type: 'string', default: 'tollwatch.totals.v1' },
    expect: { type: 'string' },
    'timeout-ms': { type: 'string', default: '60000' },
  },
});
if (!args.bootstrap || !args.registry) {
  console.error('usage: node roundtrip.mjs --bootstrap HOST:PORT --registry URL [--reports FILE] [--schema FILE]'
    + ' [--expect JSON] [--timeout-ms N]');
  process.exit(2);
}
const expected = args.expect ? JSON.parse(args.expect) : WORKED_EXAMPLE;
const timeoutMs = Number(args['timeout-ms']);
const reportsTopic = args['reports-topic'];
const totalsTopic = args['totals-topic'];

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
const log = (...xs) => console.error('[roundtrip]', ...xs);

/** A report in JSON (ISO-8601 timestamps and days, optional fields left out) as the Avro object avsc writes. */
function toAvro(r) {
  const millis = (iso, what) => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new Error(`report ${r.report_id}: ${what} '${iso}' is not ISO-8601`);
    return ms;
  };
  return {
    report_id: r.report_id,
    source: r.source,
    published_at: millis(r.published_at, 'published_at'), // timestamp-millis: epoch milliseconds
    url: r.url ?? null,
    title: r.title ?? null,
    language: r.language ?? 'en',
    location: r.location ?? null,
    text: r.text ?? null,
    figures: (r.figures ?? []).map((f) => ({
      metric: f.metric,
      value: f.value,
      population: f.population ?? 'all',
      qualifier: f.qualifier ?? 'exact',
      basis: f.basis ?? 'incident',
      location: f.location ?? null,
      counter: f.counter ?? null,
      date: f.date == null ? null : millis(f.date, 'date') / DAY_MS, // date: days since 1970-01-01
    })),
  };
}

function missing(latest) {
  const gaps = [];
  for (const [key, want] of Object.entries(expected)) {
    const got = latest.get(key);
    const wrong = got == null ? ['absent'] : Object.entries(want)
      .filter(([field, v]) => got[field] !== v)
      .map(([field, v]) => `${field} ${got[field]} != ${v}`);
    if (wrong.length > 0) gaps.push(`${key}: ${wrong.join(', ')}`);
  }
  return gaps;
}

const kafka = new Kafka({
  clientId: 'tollwatch-interop',
  brokers: [args.bootstrap],
  logLevel: logLevel.WARN,
  logCreator: () => ({ level, log: entry }) => log(`kafkajs ${level}`, entry.namespace, entry.message),
  retry: { retries: 10 },
});
const registry = new SchemaRegistryClient({ baseURLs: [args.registry] });
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
const consumer = kafka.consumer({
  groupId: `tollwatch-interop-${process.pid}-${Date.now()}`,
  readUncommitted: false, // read_committed: only totals of committed Kafka Streams transactions
  allowAutoTopicCreation: false,
});

async function main() {
  // (a) Confluent's serializer with the registered Report schema (never a schema derived from the JS object).
  const subject = `${reportsTopic}-value`;
  const registeredId = await registry.register(subject,
    { schemaType: 'AVRO', schema: readFileSync(args.schema, 'utf8') });
  log(`registered ${args.schema} under ${subject}: id ${registeredId}`);
  const serializer = new AvroSerializer(registry, SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});

  const reports = readFileSync(args.reports, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  await producer.connect();
  for (const report of reports) {
    const value = await serializer.serialize(reportsTopic, toAvro(report));
    const [meta] = await producer.send({ topic: reportsTopic, acks: -1,
      messages: [{ key: report.report_id, value }] });
    out({ type: 'produced', report_id: report.report_id, partition: meta.partition, offset: meta.baseOffset,
      magic: value[0], schema_id: value.readInt32BE(1), registered_id: registeredId });
  }
  await producer.disconnect();

  // (b) Confluent's deserializer on what tollwatch's Java serde wrote.
  const latest = new Map();
  let finish;
  const finished = new Promise((r) => { finish = r; });
  const timer = setTimeout(() => finish(false), timeoutMs);
  await consumer.connect();
  await consumer.subscribe({ topic: totalsTopic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const key = message.key == null ? null : message.key.toString('utf8');
      const value = message.value == null ? null : await deserializer.deserialize(totalsTopic, message.value);
      if (value == null) latest.delete(key); else latest.set(key, value);
      out({ type: 'total', key, partition, offset: message.offset,
        magic: message.value?.[0], schema_id: message.value?.readInt32BE(1), value });
      if (missing(latest).length === 0) finish(true);
    },
  });
  const matched = await finished;
  clearTimeout(timer);
  out({ type: 'done', matched, missing: missing(latest), keys: latest.size });
  await consumer.disconnect();
  return matched;
}

main().then(
  (matched) => process.exit(matched ? 0 : 3),
  (e) => {
    log('failed:', e?.stack ?? e);
    out({ type: 'done', matched: false, error: String(e?.message ?? e) });
    process.exit(1);
  },
);
