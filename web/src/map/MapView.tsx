import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type CityData, featureCount } from '../data/city-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { applyBaseMap } from '../settings/apply-base-map.ts';
import type { BaseMapSetting } from '../settings/base-map-settings.ts';
import type { OutlineCollection } from './analysis-layers/build-layers.ts';
import { buildBaseStyle, FIRST_ROAD_LAYER, sourceData } from './base-style.ts';
import {
  buildDeckLayers,
  DECK_LAYER_IDS,
  type FacilityFeature,
  type LayerVisibility,
} from './deck-layers.ts';
import type { ElderClasses } from './elder-classes.ts';
import { loadBuildingsWhenShown } from './load-buildings.ts';
import {
  POPULATION_LAYER,
  populationCellAt,
  populationCells,
  populationFillColour,
  populationLayer,
} from './population-layer.ts';
import { maplibregl } from './setup-maplibre.ts';
import { isSoftwareRenderer } from './software-renderer.ts';
import { countLayerSet, publishTestState } from './test-hook.ts';
import { renderTooltip, tooltipFor } from './tooltip.ts';

interface MapViewProps {
  city: CityData;
  classes: ElderClasses;
  visibility: LayerVisibility;
  selected: FacilityFeature | null;
  /** A click on a facility selects it; a click elsewhere clears the selection. */
  onSelect(facility: FacilityFeature | null): void;
  /** Called each time a new set of layers has been drawn. */
  onRendered?: () => void;
  /** Optional online raster under the city's own layers (settings); offline by default. */
  baseMap?: BaseMapSetting;
  /** Analysis layers, drawn between the population cells and the facility markers. */
  extraLayers?: Layer[];
  /** Outlines over the analysis fills, under the roads (colour and width per feature). */
  outlines?: OutlineCollection | null;
  extraTooltip?: (info: PickingInfo) => { title: string; lines: string[] } | null;
  /** A click on an extra layer; returns true when it handled the click. */
  onPickExtra?: (info: PickingInfo) => boolean;
  /** Zoom to this box [west, south, east, north] whenever a new object is given. */
  focus?: { bbox: [number, number, number, number] } | null;
  /** Pressing on a draggable object drags it (map panning paused meanwhile). */
  drag?: MapDrag;
  /** Radius of the selected site's service circle (metres). */
  serviceRadiusM?: number;
}

/** Drag-to-move of objects drawn by deck.gl layers (scenario sites). */
export interface MapDrag {
  /** Layers whose objects may be dragged (picked at the press point). */
  layerIds: string[];
  /** The press picked an object: return true to drag it. */
  start(info: PickingInfo): boolean;
  move(lon: number, lat: number): void;
  /** The pointer over the map, pressed or not (a link being drawn follows it). */
  hover?(lon: number, lat: number): void;
  /** `moved` is false for a press that stayed within a few pixels (a click, not a drag). */
  end(lon: number, lat: number, moved: boolean): void;
}

/**
 * deck.gl places its tooltip below right of the pointer; near the map's right or bottom edge it
 * would be cut by the map's frame, so there it opens to the left or upwards instead (CSS
 * `translate` composes with the `transform` deck sets).
 */
function keepInside<T extends { style: Partial<CSSStyleDeclaration> }>(
  tip: T,
  info: PickingInfo,
  canvas: HTMLCanvasElement,
): T {
  const left = info.x > canvas.clientWidth - 280;
  const up = info.y > canvas.clientHeight - 160;
  if (!left && !up) return tip;
  const dx = left ? 'calc(-100% - 12px)' : '0px';
  const dy = up ? 'calc(-100% - 12px)' : '0px';
  return { ...tip, style: { ...tip.style, translate: `${dx} ${dy}` } };
}

const OUTLINES = 'analysis-outlines';
const NO_OUTLINES: OutlineCollection = { type: 'FeatureCollection', features: [] };

/** Pixels the pointer must travel before a press counts as a drag (maplibre's click tolerance). */
const DRAG_TOLERANCE_PX = 3;

const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors (ODbL)';

/** The map: maplibre draws the offline base style, deck.gl (interleaved) draws the data layers. */
export function MapView(props: MapViewProps) {
  const { city, classes, visibility, selected, onSelect, onRendered, baseMap } = props;
  const { extraLayers, extraTooltip, onPickExtra, focus, drag, serviceRadiusM, outlines } = props;
  const container = useRef<HTMLDivElement>(null);
  const [created, setCreated] = useState<{
    map: maplibregl.Map;
    overlay: MapLibreOverlay;
    city: CityData;
  } | null>(null);
  // A new city removes the map in its effect's cleanup; until its successor has loaded, no effect
  // may touch the removed one (its style is gone: setting a paint property would throw).
  const handles = created?.city === city ? created : null;
  const i18n = useI18n();
  // The cells' look when the map is created; later changes go through setPaintProperty.
  const initialPopulation = useRef({ classes, visible: visibility.population });
  const cellAt = useMemo(() => {
    if (!visibility.population) return null;
    const byCell = new Map(city.population.map((row) => [row.h3, row]));
    const resolution = city.manifest.h3Resolution;
    return (lng: number, lat: number) => populationCellAt(byCell, resolution, lng, lat);
  }, [city, visibility.population]);

  useEffect(() => {
    if (container.current === null) return;
    const [west, south, east, north] = city.manifest.bbox;
    const padX = (east - west) * 0.5;
    const padY = (north - south) * 0.5;
    const map = new maplibregl.Map({
      container: container.current,
      style: buildBaseStyle(city),
      bounds: [west, south, east, north],
      // The dock sits beside the map (not over it); the legend folds in the lower-left corner.
      fitBoundsOptions: { padding: { top: 24, bottom: 24, right: 60, left: 24 } },
      maxBounds: [west - padX, south - padY, east + padX, north + padY],
      attributionControl: false,
      // Smooth edges where the GPU pays for them; on a CPU renderer they cost a quarter of a frame.
      canvasContextAttributes: { antialias: !isSoftwareRenderer() },
    });
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ maxWidth: 120, unit: 'metric' }), 'bottom-right');
    map.addControl(
      new maplibregl.AttributionControl({ compact: false, customAttribution: ATTRIBUTION }),
      'bottom-right',
    );
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.on('load', () => {
      // Under every deck.gl layer (those are inserted later, before the same road layer).
      map.addSource(POPULATION_LAYER, { type: 'geojson', data: populationCells(city.population) });
      map.addLayer(populationLayer(initialPopulation.current), FIRST_ROAD_LAYER);
      map.addSource(OUTLINES, { type: 'geojson', data: NO_OUTLINES });
      map.addLayer(
        {
          id: OUTLINES,
          type: 'line',
          source: OUTLINES,
          layout: { 'line-join': 'round' },
          paint: { 'line-color': ['get', 'colour'], 'line-width': ['get', 'width'] },
        },
        FIRST_ROAD_LAYER,
      );
      map.addControl(overlay);
      loadBuildingsWhenShown(map, sourceData(city.buildings));
      setCreated({ map, overlay, city });
    });
    return () => {
      setCreated(null);
      map.remove();
    };
  }, [city]);

  useEffect(() => {
    if (handles === null) return;
    const { map, overlay } = handles;
    const base = buildDeckLayers(city, visibility, selected, serviceRadiusM);
    const layers = [...(extraLayers ?? []), ...base];
    overlay.setProps({ layers });
    countLayerSet();
    // deck.gl inserts its fills before the first road too: the outlines go back above them.
    map.moveLayer(OUTLINES, FIRST_ROAD_LAYER);
    map.once('idle', () => {
      const styleLayers = map
        .getStyle()
        .layers.filter((layer) => layer.layout?.visibility !== 'none')
        .map((layer) => layer.id)
        .filter((id) => !id.startsWith('deck-'));
      publishTestState({
        ready: true,
        counts: {
          facilities: city.facilities.features.length,
          populationCells: city.population.length,
          roads: city.roads.features.length,
          buildings: featureCount(city.buildings),
        },
        countBaseFeatures: () => ({
          roads: map.querySourceFeatures('roads').length,
          buildings: map.querySourceFeatures('buildings').length,
        }),
        layers: [...styleLayers, ...layers.filter((l) => l.props.visible).map((l) => l.id)],
      });
      onRendered?.();
    });
    map.triggerRepaint();
  }, [handles, city, visibility, selected, onRendered, extraLayers, serviceRadiusM]);

  // The population cells' colours and visibility change in place (the source stays).
  useEffect(() => {
    if (handles === null) return;
    const { map } = handles;
    map.setPaintProperty(POPULATION_LAYER, 'fill-color', populationFillColour(classes));
    const shown = visibility.population ? 'visible' : 'none';
    map.setLayoutProperty(POPULATION_LAYER, 'visibility', shown);
  }, [handles, classes, visibility.population]);

  useEffect(() => {
    handles?.map.getSource<maplibregl.GeoJSONSource>(OUTLINES)?.setData(outlines ?? NO_OUTLINES);
  }, [handles, outlines]);

  // The click handlers deck.gl calls read the latest props through a ref, updated as soon as React
  // commits: a click right after a mode change (add a site, then click the map) must see the new
  // mode even while a long task delays the passive effects that re-set the overlay's props.
  const clickHandlers = useRef({ onPickExtra, onSelect });
  useLayoutEffect(() => {
    clickHandlers.current = { onPickExtra, onSelect };
  }, [onPickExtra, onSelect]);

  useEffect(() => {
    if (handles === null) return;
    const canvas = handles.map.getCanvas();
    handles.overlay.setProps({
      getTooltip: (info) => {
        const extra = extraTooltip?.(info);
        const tip = extra
          ? renderTooltip(extra.title, extra.lines)
          : tooltipFor(info, i18n, cellAt);
        return tip === null ? null : keepInside(tip, info, canvas);
      },
      onHover: (info) => {
        canvas.style.cursor = info.picked ? 'pointer' : '';
      },
    });
  }, [handles, i18n, extraTooltip, cellAt]);

  // Clicks come from maplibre and are picked here, not through deck.gl's onClick: deck.gl drops
  // clicks until its own start-up has finished (seconds on a slow machine), and a map click must
  // at least give its coordinate (add a site there) even when nothing can be picked yet.
  useEffect(() => {
    if (handles === null) return;
    const { map, overlay } = handles;
    const onClick = (e: maplibregl.MapMouseEvent) => {
      const { x, y } = e.point;
      let info: PickingInfo | null = null;
      try {
        info = overlay.pickObject({ x, y, radius: 4 });
      } catch {
        info = null; // deck.gl not ready yet: the click still has its place
      }
      const picked: PickingInfo = info ?? {
        x,
        y,
        coordinate: [e.lngLat.lng, e.lngLat.lat],
        color: null,
        layer: null,
        index: -1,
        picked: false,
        pixel: [x, y],
        pixelRatio: window.devicePixelRatio,
      };
      const handlers = clickHandlers.current;
      if (handlers.onPickExtra?.(picked)) return;
      const hit = picked.layer?.id === DECK_LAYER_IDS.facilities;
      handlers.onSelect(hit ? (picked.object as FacilityFeature) : null);
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [handles]);

  // Drag: a mouse press comes through maplibre's mousedown (after deck.gl has picked the press,
  // so a press that is only a click keeps its picking); pen and touch through pointer events,
  // which fire before maplibre's touch handlers so panning can be paused. The drag is followed
  // on the window, so a release off the map still ends it.
  useEffect(() => {
    if (handles === null || drag === undefined) return;
    const { map, overlay } = handles;
    const canvas = map.getCanvas();
    let stop: (() => void) | null = null;
    const begin = (e: MouseEvent | PointerEvent, pointer: number | null): boolean => {
      const rect = canvas.getBoundingClientRect();
      // Objects under the press, occluded ones too; the earliest layer in drag.layerIds wins (an
      // added site drawn next to a facility marker is the one the user means).
      const hits = overlay.pickMultipleObjects({
        x: e.clientX - rect.left,
        y: e.clientY - rect.top,
        radius: pointer === null ? 4 : 10,
        depth: 4,
        layerIds: drag.layerIds,
      });
      const rank = (info: PickingInfo) => drag.layerIds.indexOf(info.layer?.id ?? '');
      const info = [...hits].sort((a, b) => rank(a) - rank(b))[0];
      if (info === undefined || !drag.start(info)) return false;
      map.dragPan.disable();
      map.touchZoomRotate.disable();
      const startX = e.clientX;
      const startY = e.clientY;
      let moved = false;
      const mine = (event: MouseEvent) =>
        pointer === null || (event as PointerEvent).pointerId === pointer;
      const lngLatOf = (event: MouseEvent) => {
        const r = canvas.getBoundingClientRect();
        return map.unproject([event.clientX - r.left, event.clientY - r.top]);
      };
      const onMove = (event: MouseEvent) => {
        if (!mine(event)) return;
        if (Math.hypot(event.clientX - startX, event.clientY - startY) > DRAG_TOLERANCE_PX)
          moved = true;
        if (!moved) return;
        const { lng, lat } = lngLatOf(event);
        drag.move(lng, lat);
      };
      const onUp = (event: MouseEvent) => {
        if (!mine(event)) return;
        stop?.();
        const { lng, lat } = lngLatOf(event);
        drag.end(lng, lat, moved && event.type !== 'pointercancel');
      };
      const [moveName, upName] =
        pointer === null ? ['mousemove', 'mouseup'] : ['pointermove', 'pointerup'];
      stop = () => {
        window.removeEventListener(moveName, onMove as EventListener);
        window.removeEventListener(upName, onUp as EventListener);
        window.removeEventListener('pointercancel', onUp as EventListener);
        map.dragPan.enable();
        map.touchZoomRotate.enable();
        stop = null;
      };
      window.addEventListener(moveName, onMove as EventListener);
      window.addEventListener(upName, onUp as EventListener);
      if (pointer !== null) window.addEventListener('pointercancel', onUp as EventListener);
      return true;
    };
    const onMouseDown = (e: maplibregl.MapMouseEvent) => {
      if (e.originalEvent.button !== 0) return;
      if (begin(e.originalEvent, null)) e.preventDefault();
    };
    const onPointerDown = (e: PointerEvent) => {
      if (e.pointerType === 'mouse' || !e.isPrimary) return;
      begin(e, e.pointerId);
    };
    const onMouseMove = (e: maplibregl.MapMouseEvent) => drag.hover?.(e.lngLat.lng, e.lngLat.lat);
    map.on('mousedown', onMouseDown);
    map.on('mousemove', onMouseMove);
    canvas.addEventListener('pointerdown', onPointerDown);
    return () => {
      map.off('mousedown', onMouseDown);
      map.off('mousemove', onMouseMove);
      canvas.removeEventListener('pointerdown', onPointerDown);
      stop?.();
    };
  }, [handles, drag]);

  useEffect(() => {
    if (handles === null || focus === null || focus === undefined) return;
    const [west, south, east, north] = focus.bbox;
    handles.map.fitBounds([west, south, east, north], {
      padding: { top: 60, bottom: 60, left: 260, right: 60 },
      maxZoom: 16,
      duration: 600,
    });
  }, [handles, focus]);

  // maplibre's control titles are English: label them in the app's language (and follow it).
  useEffect(() => {
    if (handles === null) return;
    const root = handles.map.getContainer();
    const label = (selector: string, text: string) => {
      for (const el of root.querySelectorAll<HTMLElement>(selector)) {
        el.title = text;
        el.setAttribute('aria-label', text);
      }
    };
    label('.maplibregl-ctrl-zoom-in', i18n.t('map.zoomIn'));
    label('.maplibregl-ctrl-zoom-out', i18n.t('map.zoomOut'));
    label('.maplibregl-ctrl-compass', i18n.t('map.resetNorth'));
    handles.map.getCanvas().setAttribute('aria-label', i18n.t('map.title'));
    root.setAttribute('aria-label', i18n.t('map.title'));
  }, [handles, i18n]);

  useEffect(() => {
    if (handles !== null) applyBaseMap(handles.map, baseMap ?? { kind: 'offline' });
  }, [handles, baseMap]);

  return <div ref={container} className="map" data-testid="map" />;
}
