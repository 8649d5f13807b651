// The burn-up drawn with uPlot (a small canvas chart library): required items, items done or waived,
// the target date as a vertical line and the forecast as a dashed line to the expected ready date.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface BurnupChartProps {
  readonly points: readonly { at: string; required: number; done: number; waived: number }[];
  readonly targetDate: string;
  readonly expectedReadyAt: string | null;
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** uPlot wants one x array shared by every series; gaps are nulls. */
export const chartData = ({ points, targetDate, expectedReadyAt }: BurnupChartProps): uPlot.AlignedData => {
  const last = points.at(-1);
  const forecastEnd = expectedReadyAt && last ? seconds(expectedReadyAt) : null;
  const xs = [
    ...new Set([
      ...points.map((p) => seconds(p.at)),
      seconds(targetDate),
      ...(forecastEnd ? [forecastEnd] : []),
    ]),
  ].sort((a, b) => a - b);
  const byX = new Map(points.map((p) => [seconds(p.at), p]));
  const lastX = last ? seconds(last.at) : null;
  return [
    xs,
    xs.map((x) => byX.get(x)?.required ?? null),
    xs.map((x) => {
      const point = byX.get(x);
      return point ? point.done + point.waived : null;
    }),
    xs.map((x) => {
      if (!last) return null;
      if (x === lastX) return last.done + last.waived;
      return x === forecastEnd ? last.required : null;
    }),
  ];
};

const targetLine = (targetDate: string): uPlot.Plugin => ({
  hooks: {
    draw: (u) => {
      const x = u.valToPos(seconds(targetDate), 'x', true);
      const { ctx } = u;
      ctx.save();
      ctx.strokeStyle = '#b3261e';
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.fillStyle = '#b3261e';
      ctx.fillText('target', x + 4, u.bbox.top + 12);
      ctx.restore();
    },
  },
});

export const BurnupChart = (props: BurnupChartProps) => {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: 220,
      plugins: [targetLine(props.targetDate)],
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      series: [
        {},
        // Points shown: a young launch has a single point per series, which draws no line.
        { label: 'Required', stroke: '#444', width: 2, points: { show: true, size: 7 } },
        {
          label: 'Done or waived',
          stroke: '#1b6e3a',
          width: 2,
          fill: 'rgba(27,110,58,0.12)',
          points: { show: true, size: 7 },
        },
        { label: 'Forecast', stroke: '#1f4fa3', width: 2, dash: [6, 4], spanGaps: true },
      ],
    };
    const chart = new uPlot(options, chartData(props), element);
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [props]);
  return <div ref={box} className="chart" aria-hidden="true" />;
};
