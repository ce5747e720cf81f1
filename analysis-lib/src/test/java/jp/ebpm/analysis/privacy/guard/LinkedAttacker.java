package jp.ebpm.analysis.privacy.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attack of the linked-release tests: from the true records (device and cell key of each released grouping)
 * and the cells that were published, build every equation the releases give (sum over the atoms of a published
 * cell) and solve exactly ({@link ExactSolver}). Reports every value with 1 to k−1 persons that has a unique
 * solution: a never-published cell, an atom (a non-empty combination of cells of all groupings), or the difference
 * of two published cells one inside the other (also when only their persons counts differ by 1 to k−1).
 */
public final class LinkedAttacker {

    private LinkedAttacker() {
    }

    /**
     * @param device    the device (person) of each record
     * @param names     a name per grouping (for messages)
     * @param keys      per grouping, the cell key {@code row<TAB>col} of each record, or null when outside the table
     * @param published per grouping, the keys of cells published (with numbers) by any release
     * @return descriptions of the values found (empty when the releases are safe)
     */
    public static List<String> leaks(int[] device, List<String> names, List<String[]> keys, List<Set<String>> published, int k) {
        Map<List<String>, Set<Integer>> atomDevices = new LinkedHashMap<>();
        for (int r = 0; r < device.length; r++) {
            List<String> tuple = new ArrayList<>();
            boolean any = false;
            for (String[] kg : keys) {
                tuple.add(kg[r]);
                any |= kg[r] != null;
            }
            if (any) {
                atomDevices.computeIfAbsent(tuple, x -> new HashSet<>()).add(device[r]);
            }
        }
        List<List<String>> tuples = new ArrayList<>(atomDevices.keySet());
        List<Set<Integer>> devices = new ArrayList<>(atomDevices.values());
        // atoms of each cell of each grouping
        List<Map<String, List<Integer>>> cells = new ArrayList<>();
        for (int g = 0; g < keys.size(); g++) {
            Map<String, List<Integer>> m = new LinkedHashMap<>();
            for (int a = 0; a < tuples.size(); a++) {
                String key = tuples.get(a).get(g);
                if (key != null) {
                    m.computeIfAbsent(key, x -> new ArrayList<>()).add(a);
                }
            }
            cells.add(m);
        }
        return leaks(tuples.stream().map(Object::toString).toList(), devices, cells, names, published, k);
    }

    /**
     * The same attack over atoms given by the caller (e.g. combinations that the attacker cannot tell apart from
     * empty ones: their device sets may be empty; an empty atom is never reported).
     *
     * @param atoms     a name per atom (for messages)
     * @param devices   the devices (persons) of each atom
     * @param cells     per grouping, the atoms of each of its cells by key {@code row<TAB>col}
     * @param names     a name per grouping
     * @param published per grouping, the keys of cells published (with numbers) by any release
     */
    public static List<String> leaks(List<String> atoms, List<Set<Integer>> devices, List<Map<String, List<Integer>>> cells,
                                     List<String> names, List<Set<String>> published, int k) {
        ExactSolver solver = new ExactSolver(atoms.size());
        int groupings = cells.size();
        List<String> shownNames = new ArrayList<>();
        List<Set<Integer>> shownAtoms = new ArrayList<>();
        for (int g = 0; g < groupings; g++) {
            for (String key : published.get(g)) {
                List<Integer> of = cells.get(g).getOrDefault(key, List.of());
                solver.addSumOf(ints(of));
                shownNames.add(names.get(g) + " " + key.replace('\t', '@'));
                shownAtoms.add(new HashSet<>(of));
            }
        }
        List<String> leaks = new ArrayList<>();
        for (int g = 0; g < groupings; g++) {
            for (Map.Entry<String, List<Integer>> c : cells.get(g).entrySet()) {
                int persons = personsOf(c.getValue(), devices);
                if (persons > 0 && persons < k && !published.get(g).contains(c.getKey()) && solver.determined(ints(c.getValue()))) {
                    leaks.add("cell " + names.get(g) + " " + c.getKey().replace('\t', '@') + " (" + persons + " persons)");
                }
            }
        }
        for (int a = 0; a < atoms.size(); a++) {
            if (!devices.get(a).isEmpty() && devices.get(a).size() < k && solver.determined(new int[] {a})) {
                leaks.add("atom " + atoms.get(a) + " (" + devices.get(a).size() + " persons)");
            }
        }
        Map<Integer, Integer> size = new HashMap<>();
        for (int i = 0; i < shownAtoms.size(); i++) {
            size.put(i, shownAtoms.get(i).size());
        }
        for (int b = 0; b < shownAtoms.size(); b++) {
            for (int s = 0; s < shownAtoms.size(); s++) {
                if (size.get(b) <= size.get(s) || !shownAtoms.get(b).containsAll(shownAtoms.get(s))) {
                    continue;
                }
                List<Integer> diff = new ArrayList<>(shownAtoms.get(b));
                diff.removeAll(shownAtoms.get(s));
                int persons = personsOf(diff, devices);
                int shownDiff = personsOf(new ArrayList<>(shownAtoms.get(b)), devices) - personsOf(new ArrayList<>(shownAtoms.get(s)), devices);
                if (persons > 0 && persons < k || shownDiff > 0 && shownDiff < k) {
                    leaks.add("difference " + shownNames.get(b) + " − " + shownNames.get(s) + " (" + persons + " persons, "
                            + shownDiff + " by the persons counts)");
                }
            }
        }
        return leaks;
    }

    private static int personsOf(List<Integer> atoms, List<Set<Integer>> devices) {
        Set<Integer> s = new HashSet<>();
        atoms.forEach(a -> s.addAll(devices.get(a)));
        return s.size();
    }

    private static int[] ints(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }
}
