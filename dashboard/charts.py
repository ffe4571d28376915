"""DataFrame -> plotly Figure, one function per chart. No Streamlit here.

Each figure carries ``customdata`` that tells the app what a click selects (a month and event type, a
city pair, a city, a sector), so a selection can narrow the other views.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from etl.records import EVENT_TYPES

FONT = "Source Sans, Source Sans Pro, sans-serif"
TYPE_LABELS = {
    "agreement_signed": "Agreement signed",
    "twinning_established": "Twinning established",
    "visit": "Visit",
    "forum": "Forum",
    "meeting": "Meeting",
    "cultural_event": "Cultural / sports event",
    "transport_link": "Transport link",
    "other": "Other",
}
# Colour-blind-safe (Okabe-Ito based); agreements in the app's primary colour.
TYPE_COLOURS = {
    "agreement_signed": "#1f6f8b",
    "twinning_established": "#cc79a7",
    "visit": "#e69f00",
    "forum": "#56b4e9",
    "meeting": "#009e73",
    "cultural_event": "#f0e442",
    "transport_link": "#d55e00",
    "other": "#999999",
}
ARC_COLOURS = ("#9ecae1", "#4292c6", "#1f6f8b", "#08306b")  # quiet -> most active
ARC_WIDTHS = (1.0, 1.8, 3.0, 4.5)
SEQUENTIAL = ("#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")


def type_label(event_type: str) -> str:
    return TYPE_LABELS.get(event_type, event_type.replace("_", " ").capitalize())


def _base_layout(title: str, height: int) -> dict:
    """What every chart's layout shares: title, height, font, transparent background, horizontal legend."""
    return {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "height": height, "margin": {"l": 10, "r": 10, "t": 50, "b": 10}, "font": {"family": FONT},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)", "hoverlabel": {"align": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
    }


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(_base_layout(title, height))
    return fig


# The timeline's margins hold its y-axis labels and its legend (right) as drawn on the whole store. Plotly widens
# a margin that is too narrow for them (automargin), but only by drawing the whole chart a second time: on a
# two-core machine that second pass is a quarter of a second of the first page view.
TIMELINE_MARGIN = {"l": 80, "r": 210, "t": 50, "b": 40}
TIMELINE_ROWS = (0.72, 0.28)  # heights of the bars and of the agreement points, when both are drawn
TIMELINE_GAP = 0.06


def timeline(events: pd.DataFrame, agreements: pd.DataFrame, counting: str) -> go.Figure:
    """Events per month stacked by type (top), and each signed agreement as a point (below, when any).

    Built in one go (traces and layout handed to the figure together, two rows laid out here rather than by
    ``make_subplots``): it is on the first page every analyst opens, and plotly checks each property once."""
    with_points = len(agreements) > 0
    present = [t for t in EVENT_TYPES if t in set(events["event_type"])]
    present += sorted(set(events["event_type"]) - set(present))
    traces = []
    for event_type in present:
        rows = events[events["event_type"] == event_type]
        traces.append(go.Bar(
            # A bar spans its month, however few months are shown.
            x=rows["month"], y=rows["events"], name=type_label(event_type), xperiod="M1", xperiodalignment="middle",
            marker_color=TYPE_COLOURS.get(event_type, "#999999"),
            customdata=np.column_stack([rows["month"].astype(str), [event_type] * len(rows)]),
            hovertemplate="%{x|%B %Y}<br>" + type_label(event_type) + ": %{y}<extra></extra>",
        ))
    per = "each event counted once" if counting == "events" else "every report counted"
    layout = _base_layout(f"Events per month, by type ({per})", 520 if with_points else 420)
    layout.update(
        barmode="stack", bargap=0.1, clickmode="event+select", dragmode="zoom", margin=TIMELINE_MARGIN,
        legend={"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top"},
        xaxis={"gridcolor": "#eee"}, yaxis={"title": {"text": "events"}, "gridcolor": "#eee"},
    )
    if with_points:
        documents = agreements["documents"].fillna(1).astype(float)
        traces.append(go.Scatter(
            x=agreements["day"], y=documents, mode="markers", name="Agreement (one point each)",
            xaxis="x2", yaxis="y2",
            marker={"color": TYPE_COLOURS["agreement_signed"], "size": 8, "opacity": 0.75,
                    "line": {"width": 0.5, "color": "white"}},
            customdata=np.column_stack([
                agreements["title"].fillna(""), agreements["pair"].fillna("—"),
                agreements["sectors"].fillna("none named"), agreements["documents"].astype("string").fillna("?"),
            ]),
            hovertemplate=("<b>%{customdata[0]}</b><br>%{x|%d %b %Y}<br>Pair: %{customdata[1]}"
                           "<br>Sectors: %{customdata[2]}<br>Documents stated: %{customdata[3]}<extra></extra>"),
        ))
        # Two rows sharing the time axis: the bars on top, the points below (the dates shown once, under them).
        bars_height = TIMELINE_ROWS[0] * (1 - TIMELINE_GAP)
        points_height = TIMELINE_ROWS[1] * (1 - TIMELINE_GAP)
        layout.update(
            xaxis={"anchor": "y", "domain": [0.0, 1.0], "matches": "x2", "showticklabels": False,
                   "gridcolor": "#eee"},
            yaxis={"anchor": "x", "domain": [round(1 - bars_height, 4), 1.0], "title": {"text": "events"},
                   "gridcolor": "#eee"},
            xaxis2={"anchor": "y2", "domain": [0.0, 1.0], "gridcolor": "#eee"},
            yaxis2={"anchor": "x2", "domain": [0.0, round(points_height, 4)], "title": {"text": "documents"},
                    "gridcolor": "#eee", "rangemode": "tozero"},
        )
    return go.Figure(data=traces, layout=layout)


def _buckets(values: pd.Series) -> np.ndarray:
    """0-3: activity classes by quantile, so that the busiest pairs stand out whatever the scale."""
    if values.empty:
        return np.array([], dtype=int)
    edges = np.unique(np.quantile(values, [0.5, 0.8, 0.95]))
    return np.searchsorted(edges, values.to_numpy(), side="right").clip(0, 3) if len(edges) else np.zeros(
        len(values), dtype=int)


def _bucket_label(values: pd.Series) -> str:
    low, high = int(values.min()), int(values.max())
    return f"{low} event{'s' if high > 1 else ''}" if low == high else f"{low}–{high} events"


def pair_map(pairs: pd.DataFrame, cities: pd.DataFrame, counting: str, max_cities: int = 400) -> go.Figure:
    """Arcs between the two cities of each pair (width and colour by events), cities sized by events.

    The base map (coastlines, borders) comes from the topojson the app serves itself (see app.py)."""
    fig = go.Figure()
    located = pairs.dropna(subset=["lat_a", "lon_a", "lat_b", "lon_b"])
    classes = _buckets(located["events"])
    for bucket in range(4):
        rows = located[classes == bucket]
        if rows.empty:
            continue
        lat = np.column_stack([rows["lat_a"], rows["lat_b"], np.full(len(rows), np.nan)]).ravel()
        lon = np.column_stack([rows["lon_a"], rows["lon_b"], np.full(len(rows), np.nan)]).ravel()
        fig.add_trace(go.Scattergeo(
            lat=lat, lon=lon, mode="lines", name=_bucket_label(rows["events"]), legendgroup=f"b{bucket}",
            line={"width": ARC_WIDTHS[bucket], "color": ARC_COLOURS[bucket]}, opacity=0.8, hoverinfo="skip",
        ))
    if len(located):
        # Plotly draws no hover on lines: a point at each arc's middle carries the pair's totals.
        mid_lat, mid_lon = _midpoints(located)
        fig.add_trace(go.Scattergeo(
            lat=mid_lat, lon=mid_lon, mode="markers", name="pair (click to focus)", showlegend=False,
            marker={"size": 7 + classes * 2, "color": [ARC_COLOURS[c] for c in classes], "opacity": 0.55,
                    "line": {"width": 1, "color": "white"}},
            customdata=np.column_stack([
                located["place_a_id"].astype(str), located["place_b_id"].astype(str), located["pair"],
                located["events"], located["agreements"], located["first_day"].astype(str),
                located["last_day"].astype(str), located["km"].astype("string").fillna("?"),
                located["sectors"].fillna("none named"),
            ]),
            hovertemplate=("<b>%{customdata[2]}</b><br>%{customdata[3]} events · %{customdata[4]} agreements"
                           "<br>%{customdata[5]} – %{customdata[6]}<br>%{customdata[7]} km"
                           "<br>Sectors: %{customdata[8]}<extra></extra>"),
        ))
    shown = cities.dropna(subset=["lat", "lon"]).head(max_cities)
    if len(shown):
        size = 5 + 20 * np.sqrt(shown["events"] / max(shown["events"].max(), 1))
        fig.add_trace(go.Scattergeo(
            lat=shown["lat"], lon=shown["lon"], mode="markers", name="city (size: events)",
            marker={"size": size, "color": "#e69f00", "opacity": 0.85, "line": {"width": 0.8, "color": "#7a5200"}},
            customdata=np.column_stack([shown["place_id"].astype(str), shown["name"], shown["country_code"].fillna(""),
                                        shown["events"], shown["agreements"]]),
            hovertemplate=("<b>%{customdata[1]}</b> (%{customdata[2]})<br>%{customdata[3]} events · "
                           "%{customdata[4]} agreements<extra></extra>"),
        ))
    per = "each event counted once" if counting == "events" else "every report counted"
    _layout(fig, f"City pairs: arcs by events together, cities by events taken part in ({per})", 500)
    fig.update_geos(
        projection_type="natural earth", resolution=110, showcountries=True, countrycolor="#b8b8b8",
        showcoastlines=True, coastlinecolor="#9a9a9a", showland=True, landcolor="#f4f1ea",
        showocean=True, oceancolor="#eaf2f8", showframe=False,
        **_view(pd.concat([located["lat_a"], located["lat_b"], shown["lat"]]),
                pd.concat([located["lon_a"], located["lon_b"], shown["lon"]])),
    )
    fig.update_layout(clickmode="event+select", legend={"y": -0.02, "yanchor": "top", "x": 0, "xanchor": "left"})
    return fig


def _view(lat: pd.Series, lon: pd.Series, pad: float = 6.0) -> dict:
    """Axis ranges showing every point with some land around it (the whole world when they span it)."""
    lat, lon = lat.dropna(), lon.dropna()
    if lat.empty or lon.max() - lon.min() > 200:
        return {}
    lat_low, lat_high = lat.min() - pad, lat.max() + pad
    lon_low, lon_high = lon.min() - pad * 1.5, lon.max() + pad * 1.5
    grow_lat, grow_lon = max(0.0, 20 - (lat_high - lat_low)) / 2, max(0.0, 40 - (lon_high - lon_low)) / 2
    return {"lataxis_range": [max(-60.0, lat_low - grow_lat), min(85.0, lat_high + grow_lat)],
            "lonaxis_range": [max(-180.0, lon_low - grow_lon), min(180.0, lon_high + grow_lon)]}


def _midpoints(pairs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Great-circle midpoints, where plotly's geodesic arcs actually pass."""
    lat1, lon1, lat2, lon2 = (np.radians(pairs[c].to_numpy(dtype=float)) for c in ("lat_a", "lon_a", "lat_b", "lon_b"))
    bx = np.cos(lat2) * np.cos(lon2 - lon1)
    by = np.cos(lat2) * np.sin(lon2 - lon1)
    lat = np.arctan2(np.sin(lat1) + np.sin(lat2), np.sqrt((np.cos(lat1) + bx) ** 2 + by ** 2))
    lon = lon1 + np.arctan2(by, np.cos(lat1) + bx)
    return np.degrees(lat), (np.degrees(lon) + 540) % 360 - 180


def sectors(counts: pd.DataFrame, stack_by: str, counting: str) -> go.Figure:
    """Signed agreements per sector as horizontal bars, stacked by year or by the countries taking part."""
    column = "year" if stack_by == "year" else "countries"
    totals = counts.groupby("sector")["agreements"].sum().sort_values()
    # Bottom to top: "unspecified" (not a sector) at the bottom, then the sectors, the largest on top.
    order = [s for s in totals.index if s == "unspecified"] + [s for s in totals.index if s != "unspecified"]
    data = counts.copy()
    if column == "year":
        data["year"] = data["year"].astype("Int64").astype("string").fillna("undated")
    data = data.groupby(["sector", column], as_index=False)["agreements"].sum()
    groups = sorted(data[column].unique(), key=lambda g: (g == "other", g == "undated", str(g)))
    fig = go.Figure()
    for number, group in enumerate(groups):
        rows = data[data[column] == group]
        colour = (SEQUENTIAL[min(len(SEQUENTIAL) - 1, round(number * (len(SEQUENTIAL) - 1) / max(len(groups) - 1, 1)))]
                  if column == "year" else None)
        fig.add_trace(go.Bar(
            y=rows["sector"], x=rows["agreements"], orientation="h", name=str(group),
            marker_color=colour, customdata=rows["sector"],
            hovertemplate=f"%{{y}} · {group}: %{{x}} agreements<extra></extra>",
        ))
    per = "each agreement counted once" if counting == "events" else "every report counted"
    by = "year" if column == "year" else "countries taking part"
    _layout(fig, f"Agreements signed, by sector and {by} ({per}; one naming several sectors counts in each)",
            max(320, 60 + 34 * len(order)))
    fig.update_layout(barmode="stack", clickmode="event+select", legend_title_text=by.capitalize(),
                      legend={"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top",
                              "traceorder": "normal"},
                      colorway=["#1f6f8b", "#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#d55e00", "#0072b2",
                                "#f0e442", "#999999"])
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_xaxes(title_text="agreements", gridcolor="#eee")
    return fig


def blank() -> go.Figure:
    """An empty, tiny figure (what the app sends first, hidden, so the browser loads plotly early)."""
    return go.Figure(layout={"height": 10, "width": 10, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}})
