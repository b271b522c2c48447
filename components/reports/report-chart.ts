/**
 * The charts of the reports, drawn by Chart.js. This module is imported only when a report with
 * a chart opens (`import('./report-chart.ts')`), so the chart library is a chunk of its own and
 * the elements that show no charts stay as small as they were. Only the pieces bar charts use are
 * registered, so the rest of Chart.js is shaken out.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartSpec } from './chart-spec.ts';

// What the chart shows comes with it: the report needs only its title before (report-meta.ts).
export { chartSpec } from './chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The colours and font of the theme, read from the tokens where the chart sits. */
export interface ChartTheme {
  series: string[];
  text: string;
  grid: string;
  font: string;
  format(value: number): string;
}

function config(spec: ChartSpec, theme: ChartTheme) {
  return {
    type: 'bar' as const,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        stack: s.stack,
        backgroundColor: theme.series[s.color - 1],
        borderColor: theme.series[s.color - 1],
        borderWidth: 0,
        maxBarThickness: 36,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // People who ask for less motion get none; the numbers are in the table either way.
      animation: globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? (false as const) : { duration: 250 },
      color: theme.text,
      font: { family: theme.font },
      plugins: {
        legend: { position: 'bottom' as const, labels: { color: theme.text, font: { family: theme.font }, boxWidth: 14 } },
        tooltip: { callbacks: { label: (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label}: ${theme.format(Number(item.raw))}` } },
      },
      scales: {
        x: { stacked: true, ticks: { color: theme.text, font: { family: theme.font } }, grid: { display: false }, border: { color: theme.grid } },
        y: { stacked: true, beginAtZero: true, ticks: { color: theme.text, font: { family: theme.font }, callback: (v: string | number) => theme.format(Number(v)) }, grid: { color: theme.grid }, border: { color: theme.grid } },
      },
    },
  };
}

/** Draws the chart on the canvas; `update` redraws it with new data or colours. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, theme: ChartTheme) {
  const chart = new Chart(canvas, config(spec, theme));
  return {
    update(next: ChartSpec, nextTheme: ChartTheme) {
      const c = config(next, nextTheme);
      chart.data = c.data;
      chart.options = c.options as typeof chart.options;
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}

export type ChartHandle = ReturnType<typeof drawChart>;
