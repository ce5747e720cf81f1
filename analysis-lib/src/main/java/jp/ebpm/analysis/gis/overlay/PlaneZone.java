package jp.ebpm.analysis.gis.overlay;

import java.util.ArrayList;
import java.util.List;
import jp.ebpm.analysis.gis.GeoFeature;
import jp.ebpm.analysis.gis.VectorData;
import jp.ebpm.analysis.gis.crs.Crs;
import jp.ebpm.analysis.gis.crs.JapanZones;
import jp.ebpm.analysis.gis.crs.Reprojector;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The metric frame for distances, buffers and areas: a Japan Plane Rectangular zone on JGD2011. When the data is
 * already in a plane zone, that zone is used; otherwise the zone is chosen by the centre of the data's extent with
 * {@link JapanZones#chooseZone} (zone IX, EPSG:6677, for Kanagawa), unless a zone is given.
 *
 * @since 0.1
 */
public final class PlaneZone {

    private PlaneZone() {
    }

    /**
     * The EPSG code of the plane zone for some layers.
     *
     * @param zone 1..19 to force a zone, or 0 to choose
     */
    public static int choose(int zone, VectorData... layers) {
        if (zone > 0) {
            return JapanZones.jgd2011(zone);
        }
        Envelope geo = new Envelope();
        for (VectorData v : layers) {
            if (v == null) {
                continue;
            }
            if (JapanZones.zoneOf(v.epsg()) > 0) {
                return JapanZones.jgd2011(JapanZones.zoneOf(v.epsg()));
            }
            Reprojector r = v.epsg() == Crs.TOKYO ? new Reprojector(Crs.TOKYO, Crs.JGD2011) : null;
            for (GeoFeature f : v.features()) {
                Geometry g = f.geometry();
                if (g != null && !g.isEmpty()) {
                    geo.expandToInclude((r == null ? g : r.transform(g)).getEnvelopeInternal());
                }
            }
        }
        if (geo.isNull()) {
            return JapanZones.jgd2011(9);
        }
        return JapanZones.jgd2011(JapanZones.chooseZone(geo.centre().y, geo.centre().x));
    }

    /** The geometries of a layer transformed to {@code epsg} (null stays null). */
    public static List<Geometry> geometries(VectorData v, int epsg) {
        Reprojector r = new Reprojector(v.epsg(), epsg);
        List<Geometry> out = new ArrayList<>(v.features().size());
        for (GeoFeature f : v.features()) {
            out.add(f.geometry() == null ? null : r.transform(f.geometry()));
        }
        return out;
    }
}
