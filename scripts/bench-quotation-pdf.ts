/**
 * Quotation PDFs (#21 item 3), part of the bench (scripts/bench.ts; `--only quotation-pdf` runs it
 * alone): a book of its own with the letterhead, a customer, 20 catalogue products and a 20-line
 * bilingual (English and Chinese) quotation, rendered through quotations.pdf as the app does
 * (pdfmake, Noto Sans SC embedded as a subset, the file as base64). The first render of the process
 * is reported apart (it reads and parses the 10 MB font); then median and p95 of the renders after it.
 * Target: ≤ 500 ms.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEngine } from '../src/main/engine/engine';
import type { Channel, ChannelInput, ChannelOutput } from '../src/shared/ipc/contract';
import { dispatch } from '../src/shared/ipc/dispatch';
import type { Engine } from '../src/main/engine/engine';

export interface QuotationPdfBenchFigure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  runs: number;
  note?: string;
}

const LINES = 20;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}
const round = (n: number) => Math.round(n * 100) / 100;

async function call<C extends Channel>(engine: Engine, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await dispatch(engine.call, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as ChannelOutput<C>;
}

export async function benchQuotationPdf(options: { benchDir: string; runs: number }): Promise<QuotationPdfBenchFigure[]> {
  const dbPath = resolve(options.benchDir, 'bench-quotation-pdf.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'bench' });
  try {
    await call(engine, 'quotations.saveLetterhead', {
      nameEn: 'Ningbo Bright Lighting Co., Ltd.',
      nameZh: '宁波明亮照明有限公司',
      address: 'No. 8 Harbour Road, Beilun District, Ningbo, Zhejiang, China',
      addressZh: '浙江省宁波市北仑区港口路 8 号',
      phone: '+86 574 8888 0000',
      email: 'sales@bright-lighting.example',
      bank: {
        beneficiary: 'Ningbo Bright Lighting Co., Ltd.',
        bankName: 'Bank of China Ningbo Branch',
        account: '3578 0000 1234',
        swift: 'BKCHCNBJ92A',
        bankAddress: '',
      },
    });
    const customer = await call(engine, 'customers.create', { company: 'Hamburg Lights GmbH', country: 'DE', city: 'Hamburg' });
    const lines: { productId: number; quantity: number }[] = [];
    for (let i = 0; i < LINES; i++) {
      const p = await call(engine, 'products.create', {
        sku: `LED-${String(i + 1).padStart(3, '0')}`,
        nameEn: `LED panel light 600×600 ${20 + i}W, 4000K, flicker-free driver`,
        nameZh: `LED 平板灯 600×600 ${20 + i}W 4000K 无频闪驱动`,
        moq: 100,
        priceTiers: [
          { minQty: 100, unitPriceMinor: 1500 + i * 10 },
          { minQty: 1000, unitPriceMinor: 1300 + i * 10 },
        ],
        unitsPerCarton: 4,
        cartonLengthCm: 62,
        cartonWidthCm: 62,
        cartonHeightCm: 30,
        cartonWeightKg: 12.5,
        leadTimeDays: 25,
      });
      lines.push({ productId: p.id, quantity: 200 + i * 50 });
    }
    const q = await call(engine, 'quotations.create', {
      customerId: customer.id,
      language: 'both',
      currency: 'USD',
      incoterm: 'FOB',
      namedPlace: 'Ningbo',
      paymentTerms: 'T/T 30% deposit, 70% before shipment / 电汇 30% 定金，70% 发货前付清',
      validUntil: '2027-01-31',
      notes: 'Samples free of charge; freight collect. 样品免费，运费到付。',
      lines,
    });
    const render = async () => {
      const t = performance.now();
      const file = await call(engine, 'quotations.pdf', { id: q.id });
      return { ms: performance.now() - t, bytes: Math.round((file.contentBase64.length * 3) / 4) };
    };
    const cold = await render();
    const samples: number[] = [];
    let bytes = cold.bytes;
    for (let i = 0; i < options.runs; i++) {
      const r = await render();
      samples.push(r.ms);
      bytes = r.bytes;
    }
    samples.sort((a, b) => a - b);
    const note = `${LINES} lines, en+zh, ${Math.round(bytes / 1024)} KB; target ≤ 500 ms`;
    return [
      { name: 'quotation PDF: first render (font load)', unit: 'ms', median: round(cold.ms), p95: round(cold.ms), runs: 1, note },
      {
        name: 'quotation PDF: 20-line bilingual render',
        unit: 'ms',
        median: round(quantile(samples, 0.5)),
        p95: round(quantile(samples, 0.95)),
        runs: options.runs,
        note,
      },
    ];
  } finally {
    await engine.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  }
}
