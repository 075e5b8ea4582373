"""Coordinates and "open in map" links (no Django here).

Locations are stored in WGS-84, the GPS datum OpenStreetMap uses. Maps of
mainland China use GCJ-02 (Amap, Apple Maps inside China) or Baidu's BD-09, so
coordinates are shifted with the published conversion formulas before linking.
Outside mainland China (the usual bounding-box test) no shift applies.
"""

import math
from dataclasses import dataclass
from urllib.parse import quote, urlencode

# Krasovsky 1940 ellipsoid, as used by the GCJ-02 formulas.
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0
# Who is calling, as the map apps' URI APIs ask: Baidu requires `src`
# ("webapp.<company>.<app>") and does not guarantee service without it; Amap recommends it.
BAIDU_SOURCE = "webapp.youlin.site"
AMAP_SOURCE = "youlin"


def out_of_china(lat, lng):
    """True outside the rough mainland China box, where GCJ-02 equals WGS-84."""
    return not (73.66 < lng < 135.05 and 3.86 < lat < 53.55)


def _transform_lat(x, y):
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lng(x, y):
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lat, lng):
    """(lat, lng) in WGS-84 -> GCJ-02 ("Mars coordinates")."""
    if out_of_china(lat, lng):
        return lat, lng
    dlat = _transform_lat(lng - 105.0, lat - 35.0)
    dlng = _transform_lng(lng - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlng = (dlng * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return lat + dlat, lng + dlng


def gcj02_to_bd09(lat, lng):
    """(lat, lng) in GCJ-02 -> Baidu's BD-09."""
    z = math.sqrt(lng * lng + lat * lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lng) + 0.000003 * math.cos(lng * _X_PI)
    return z * math.sin(theta) + 0.006, z * math.cos(theta) + 0.0065


def wgs84_to_bd09(lat, lng):
    if out_of_china(lat, lng):
        return lat, lng
    return gcj02_to_bd09(*wgs84_to_gcj02(lat, lng))


@dataclass(frozen=True)
class MapLink:
    app: str  # "amap", "baidu", "apple", "osm"
    url: str


def _fmt(value):
    return f"{value:.6f}"


def map_links(lat, lng, name="", address=""):
    """Links that open the location in Amap, Baidu Maps, Apple Maps and OpenStreetMap."""
    lat, lng = float(lat), float(lng)
    g_lat, g_lng = wgs84_to_gcj02(lat, lng)
    b_lat, b_lng = wgs84_to_bd09(lat, lng)
    amap = "https://uri.amap.com/marker?" + urlencode(
        {
            "position": f"{_fmt(g_lng)},{_fmt(g_lat)}",
            "name": name,
            "coordinate": "gaode",
            "src": AMAP_SOURCE,
        },
        quote_via=quote,
    )
    baidu = "https://api.map.baidu.com/marker?" + urlencode(
        {
            "location": f"{_fmt(b_lat)},{_fmt(b_lng)}",
            "title": name,
            "content": address or name,
            "output": "html",
            "coord_type": "bd09ll",
            "src": BAIDU_SOURCE,
        },
        quote_via=quote,
    )
    apple = "https://maps.apple.com/?" + urlencode(
        {"ll": f"{_fmt(g_lat)},{_fmt(g_lng)}", "q": name or f"{_fmt(g_lat)},{_fmt(g_lng)}"},
        quote_via=quote,
    )
    osm = (
        f"https://www.openstreetmap.org/?mlat={_fmt(lat)}&mlon={_fmt(lng)}"
        f"#map=17/{_fmt(lat)}/{_fmt(lng)}"
    )
    return [
        MapLink("amap", amap),
        MapLink("baidu", baidu),
        MapLink("apple", apple),
        MapLink("osm", osm),
    ]
