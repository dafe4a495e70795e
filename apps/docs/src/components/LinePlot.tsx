import type { ReactElement } from 'react';

export interface Series {
  name: string;
  points: Array<[number, number]>;
  color: string;
  dashed?: boolean;
}

export interface LinePlotProps {
  /** Accessible description of the plot (read by screen readers instead of the drawing). */
  title: string;
  series: Series[];
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  /** A marked point, e.g. the current prediction; a y above the domain is drawn at the top with an arrow. */
  marker?: { x: number; y: number; label: string };
  xTicks?: number[];
  yTicks?: number[];
  xFormat?: (x: number) => string;
  width?: number;
  height?: number;
  testId?: string;
}

/** A small dependency-free SVG line plot with axes, ticks, a legend and an optional marked point. */
export default function LinePlot(props: LinePlotProps): ReactElement {
  const { title, series, xLabel, yLabel, xDomain, yDomain, marker } = props;
  const width = props.width ?? 420;
  const height = props.height ?? 260;
  const m = { left: 48, right: 14, top: 14, bottom: 40 };
  const sx = (x: number) =>
    m.left + ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * (width - m.left - m.right);
  const sy = (y: number) =>
    height - m.bottom - ((y - yDomain[0]) / (yDomain[1] - yDomain[0])) * (height - m.top - m.bottom);
  const clampY = (y: number) => Math.min(Math.max(y, yDomain[0]), yDomain[1]);
  const xTicks = props.xTicks ?? [xDomain[0], (xDomain[0] + xDomain[1]) / 2, xDomain[1]];
  const yTicks = props.yTicks ?? [yDomain[0], (yDomain[0] + yDomain[1]) / 2, yDomain[1]];
  const xFormat = props.xFormat ?? ((x: number) => String(x));
  const path = (points: Array<[number, number]>) =>
    points
      .filter(([, y]) => Number.isFinite(y))
      .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(clampY(y)).toFixed(1)}`)
      .join(' ');
  const markerOff = marker !== undefined && !(marker.y <= yDomain[1]);
  return (
    <figure className="xent-plot" data-testid={props.testId}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={title}
        width="100%"
        style={{ maxWidth: width }}
      >
        <title>{title}</title>
        <rect
          x={m.left}
          y={m.top}
          width={width - m.left - m.right}
          height={height - m.top - m.bottom}
          fill="none"
          stroke="currentColor"
          strokeOpacity={0.3}
        />
        {xTicks.map((t) => (
          <g key={`x${t}`}>
            <line
              x1={sx(t)}
              x2={sx(t)}
              y1={height - m.bottom}
              y2={height - m.bottom + 4}
              stroke="currentColor"
            />
            <text x={sx(t)} y={height - m.bottom + 16} textAnchor="middle" fontSize={11} fill="currentColor">
              {xFormat(t)}
            </text>
          </g>
        ))}
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={m.left - 4} x2={m.left} y1={sy(t)} y2={sy(t)} stroke="currentColor" />
            <text x={m.left - 7} y={sy(t) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {Number.isInteger(t) ? t : t.toFixed(2)}
            </text>
          </g>
        ))}
        <text
          x={(m.left + width - m.right) / 2}
          y={height - 6}
          textAnchor="middle"
          fontSize={12}
          fill="currentColor"
        >
          {xLabel}
        </text>
        <text
          x={12}
          y={(m.top + height - m.bottom) / 2}
          textAnchor="middle"
          fontSize={12}
          fill="currentColor"
          transform={`rotate(-90 12 ${(m.top + height - m.bottom) / 2})`}
        >
          {yLabel}
        </text>
        {series.map((s) => (
          <path
            key={s.name}
            d={path(s.points)}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '5 4' : undefined}
          />
        ))}
        {marker !== undefined && (
          <g data-testid={props.testId ? `${props.testId}-marker` : undefined}>
            <circle
              cx={sx(marker.x)}
              cy={sy(clampY(marker.y))}
              r={6}
              fill="var(--xent-danger)"
              stroke="white"
              strokeWidth={1.5}
            />
            <text
              x={sx(marker.x) + (sx(marker.x) > width / 2 ? -10 : 10)}
              y={sy(clampY(marker.y)) + (markerOff ? 18 : -10)}
              textAnchor={sx(marker.x) > width / 2 ? 'end' : 'start'}
              fontSize={12}
              fill="currentColor"
            >
              {markerOff ? `↑ ${marker.label}` : marker.label}
            </text>
          </g>
        )}
      </svg>
      {series.length > 1 && (
        <figcaption className="xent-legend">
          {series.map((s) => (
            <span key={s.name} style={{ marginRight: '1rem' }}>
              <span aria-hidden="true" style={{ color: s.color, fontWeight: 700 }}>
                {s.dashed ? '╌╌ ' : '── '}
              </span>
              {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
