import type { ReactNode } from "react";
import {
  type DesiredDirection,
  describeMeasuredEffect,
  type MeasuredEffect,
} from "../../../../shared/lofte-effects.ts";
import { useI18n } from "../../i18n/i18n.tsx";

export type EffectItem = {
  id: string;
  description: string;
  areaName: string;
  desiredDirection: DesiredDirection;
  measured: MeasuredEffect;
};

/** Each expected effect with its baseline, latest value and direction in words. */
export function EffectList({
  effects,
  action,
}: {
  effects: EffectItem[];
  action?: (id: string) => ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <ul className="lofte-effects" data-testid="lofte-effects">
      {effects.map((effect) => (
        <li key={effect.id}>
          <strong>{effect.description}</strong>{" "}
          <span className="muted">
            ({effect.areaName}; {t(`lofte.effect.desired.${effect.desiredDirection}`)})
          </span>
          <br />
          {describeMeasuredEffect(effect.measured, locale)} {action?.(effect.id)}
        </li>
      ))}
    </ul>
  );
}
