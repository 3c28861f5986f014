/** ECharts ships its locale objects as plain ES modules without type declarations. */
declare module 'echarts/lib/i18n/langZH.js' {
  import type { registerLocale } from 'echarts/core';

  const locale: Parameters<typeof registerLocale>[1];
  export default locale;
}
