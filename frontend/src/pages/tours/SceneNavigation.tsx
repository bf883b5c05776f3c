/**
 * Two ways to any room without the 360° view: the list of rooms and the floor plan.
 * The current room is marked with `aria-current="location"` in both (and visibly), so a
 * screen reader says where the visitor is; choosing a room leaves focus where it was.
 */
import { ResponsiveImage } from "../../components/ResponsiveImage";
import { useStrings } from "../../i18n";
import { TOUR_STRINGS } from "./tourStrings";
import type { FloorPlanData, SceneData } from "./tourTypes";

type Props = {
  scenes: readonly SceneData[];
  currentKey: string;
  onChoose: (sceneKey: string) => void;
};

export function SceneList({ scenes, currentKey, onChoose }: Props) {
  const S = useStrings(TOUR_STRINGS);
  return (
    <nav className="tour-scenes" aria-labelledby="tour-scenes-heading">
      <h2 id="tour-scenes-heading" className="tour__subheading">
        {S.scenes}
      </h2>
      <ol className="plain-list tour-scenes__list">
        {scenes.map((scene, index) => {
          const current = scene.key === currentKey;
          return (
            <li key={scene.key}>
              <button
                type="button"
                className="tour-scene"
                aria-current={current ? "location" : undefined}
                data-scene-key={scene.key}
                onClick={() => onChoose(scene.key)}
              >
                <span className="tour-scene__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span>{scene.title}</span>
                {current ? <span className="visually-hidden"> ({S.currentScene})</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function FloorPlan({ plans, scenes, currentKey, onChoose }: Props & { plans: readonly FloorPlanData[] }) {
  const S = useStrings(TOUR_STRINGS);
  const currentScene = scenes.find((scene) => scene.key === currentKey);
  const plan = plans.find((candidate) => candidate.key === currentScene?.floorPlanKey) ?? plans[0];
  if (!plan) return null;
  const placed = scenes
    .map((scene, index) => ({ scene, number: index + 1 }))
    .filter(({ scene }) => scene.floorPlanKey === plan.key && scene.planX != null && scene.planY != null);
  const rendition = plan.image.full;
  return (
    <section className="tour-plan" aria-labelledby="tour-plan-heading">
      <h2 id="tour-plan-heading" className="tour__subheading">
        {S.floorPlan}: {plan.title}
      </h2>
      <p className="visually-hidden">{S.floorPlanHelp}</p>
      <div className="tour-plan__map" style={{ aspectRatio: `${rendition.width} / ${rendition.height}` }}>
        <ResponsiveImage rendition={rendition} sizes="(min-width: 60rem) 28rem, 100vw" alt={plan.image.alt} />
        {placed.map(({ scene, number }) => {
          const current = scene.key === currentKey;
          return (
            <button
              key={scene.key}
              type="button"
              className="tour-plan__spot"
              style={{ left: `${(scene.planX ?? 0) * 100}%`, top: `${(scene.planY ?? 0) * 100}%` }}
              aria-current={current ? "location" : undefined}
              title={scene.title}
              data-scene-key={scene.key}
              onClick={() => onChoose(scene.key)}
            >
              {number}
              <span className="visually-hidden">
                {" "}
                {scene.title}
                {current ? ` (${S.currentScene})` : null}
              </span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
