package jp.ebpm.analysis.survey.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

import jp.ebpm.analysis.WorkbenchException;
import jp.ebpm.analysis.io.CsvWriter;
import jp.ebpm.analysis.survey.Codebook;
import jp.ebpm.analysis.survey.CodebookIo;
import jp.ebpm.analysis.survey.VariableType;

/**
 * Generates the synthetic microdata of the 2018 Kawasaki citizen survey (平成30年度第1回かわさき市民アンケート)
 * so that every count published in the city's data-utilization plan is reproduced exactly (sex; ward;
 * age group × sex) and every published percentage within 0.1 point (the multiple-response question on
 * useful municipal data; the two Likert items overall and by age group). All other answers are
 * synthetic. Deterministic: the same seed gives byte-identical files.
 */
public final class SurveySampleGenerator {

    /** The fixed seed (the survey's first fieldwork day). */
    public static final long SEED = 20180831L;

    /** Published age group × sex counts (rows 18～19 … 70～79; columns 男性, 女性, その他). */
    static final int[][] AGE_SEX = {
        {10, 14, 0}, {68, 118, 1}, {168, 135, 3}, {219, 156, 1}, {132, 134, 1}, {105, 122, 1}, {72, 40, 0}};
    static final String[] AGE_LABELS = {"18～19歳", "20～29歳", "30～39歳", "40～49歳", "50～59歳", "60～69歳", "70～79歳"};
    static final String[] AGE_EN = {"18-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79"};
    static final int[][] AGE_RANGE = {{18, 19}, {20, 29}, {30, 39}, {40, 49}, {50, 59}, {60, 69}, {70, 79}};
    /** Wards: national local-government code, name, English, published respondents. */
    static final String[][] WARDS = {
        {"14131", "川崎区", "Kawasaki", "237"}, {"14132", "幸区", "Saiwai", "165"}, {"14133", "中原区", "Nakahara", "255"},
        {"14134", "高津区", "Takatsu", "229"}, {"14135", "多摩区", "Tama", "215"}, {"14136", "宮前区", "Miyamae", "227"},
        {"14137", "麻生区", "Asao", "172"}};
    /** Q4a 生活が便利になる: respondents agreeing (codes 1-2) per age group; 1,032 / 1,500 = 68.8 %. */
    static final int[] Q4A_AGREE = {17, 132, 217, 237, 189, 161, 79};
    /** Q4b 格差が生じる: agreeing per age group; 886 / 1,500 = 59.1 %, 70-79: 75 / 112 = 67.0 %. */
    static final int[] Q4B_AGREE = {14, 109, 179, 220, 156, 133, 75};
    /** Q3 options 1..8 chosen by this many respondents (1-4 published: 33.3, 29.5, 24.7, 24.3 %). */
    static final int[] Q3_COUNTS = {500, 443, 371, 365, 270, 180, 150, 30};

    private final Random random = new Random(SEED);

    /** One respondent. */
    record Respondent(int id, int sex, int ageGroup, int age, String ward, boolean[] q3, int q4a, int q4b, int q5, int q6) {
    }

    /** Writes the files into the folder given as the only argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SurveySampleGenerator OUTPUT_DIR");
        }
        writeTo(Path.of(args[0]));
    }

    /** Writes respondents.csv, codebook.csv, population.csv into {@code dir} (created if needed). */
    public static void writeTo(Path dir) {
        new SurveySampleGenerator().write(dir);
    }

    /** Builds the respondents. */
    List<Respondent> respondents() {
        List<int[]> people = new ArrayList<>();
        for (int a = 0; a < AGE_SEX.length; a++) {
            for (int s = 0; s < 3; s++) {
                for (int k = 0; k < AGE_SEX[a][s]; k++) {
                    people.add(new int[] {a, s});
                }
            }
        }
        Collections.shuffle(people, random);
        List<String> wards = new ArrayList<>();
        for (String[] w : WARDS) {
            for (int k = 0; k < Integer.parseInt(w[3]); k++) {
                wards.add(w[0]);
            }
        }
        Collections.shuffle(wards, random);
        int n = people.size();
        int[] q4a = likert(people, Q4A_AGREE, 0.30, 0.62);
        int[] q4b = likert(people, Q4B_AGREE, 0.22, 0.55);
        boolean[][] q3 = new boolean[n][9];
        for (int o = 0; o < Q3_COUNTS.length; o++) {
            List<Integer> idx = indices(n);
            Collections.shuffle(idx, random);
            for (int k = 0; k < Q3_COUNTS[o]; k++) {
                q3[idx.get(k)][o] = true;
            }
        }
        List<Respondent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = people.get(i)[0];
            boolean any = false;
            for (int o = 0; o < 8; o++) {
                any |= q3[i][o];
            }
            q3[i][8] = !any;
            int age = AGE_RANGE[a][0] + random.nextInt(AGE_RANGE[a][1] - AGE_RANGE[a][0] + 1);
            double u = random.nextDouble();
            int q5 = u < 0.03 ? 99 : satisfaction(a);
            double v = random.nextDouble();
            double card = 0.10 + 0.02 * a;
            int q6 = v < card ? 1 : v < 0.93 ? 2 : 3;
            out.add(new Respondent(i + 1, people.get(i)[1] + 1, a + 1, age, wards.get(i), q3[i], q4a[i], q4b[i], q5, q6));
        }
        return out;
    }

    private int satisfaction(int ageGroup) {
        double u = random.nextDouble() + 0.02 * (ageGroup - 3);
        return u < 0.08 ? 1 : u < 0.25 ? 2 : u < 0.62 ? 3 : u < 0.90 ? 4 : 5;
    }

    /** Exact agreeing counts per age group; agree split into 1/2, disagree into 3/4. */
    private int[] likert(List<int[]> people, int[] agree, double strongAgree, double mildDisagree) {
        int[] out = new int[people.size()];
        for (int a = 0; a < agree.length; a++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                if (people.get(i)[0] == a) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int k = 0; k < members.size(); k++) {
                double u = random.nextDouble();
                out[members.get(k)] = k < agree[a] ? (u < strongAgree ? 1 : 2) : (u < mildDisagree ? 3 : 4);
            }
        }
        return out;
    }

    private static List<Integer> indices(int n) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    /** The codebook of the sample (Japanese and English labels). */
    public static Codebook codebook() {
        List<Codebook.Variable> v = new ArrayList<>();
        v.add(var("id", "回答者番号 / Respondent id", VariableType.NUMERIC, List.of(), Set.of(), List.of()));
        v.add(var("sex", "性別 / Sex", VariableType.SINGLE, List.of(val("1", "男性", "Male"), val("2", "女性", "Female"),
                val("3", "その他", "Other")), Set.of(), List.of()));
        List<Codebook.Value> ages = new ArrayList<>();
        for (int a = 0; a < AGE_LABELS.length; a++) {
            ages.add(val(Integer.toString(a + 1), AGE_LABELS[a], AGE_EN[a]));
        }
        v.add(var("age_group", "年代 / Age group", VariableType.SINGLE, ages, Set.of(), List.of()));
        v.add(var("age", "年齢 / Age (synthetic)", VariableType.NUMERIC, List.of(), Set.of(), List.of()));
        List<Codebook.Value> wards = new ArrayList<>();
        for (String[] w : WARDS) {
            wards.add(val(w[0], w[1], w[2]));
        }
        v.add(var("ward", "お住まいの区 / Ward of residence", VariableType.SINGLE, wards, Set.of(), List.of()));
        List<Codebook.Value> q3 = List.of(
                val("1", "防災分野の各種情報(避難所の位置情報等)", "Disaster prevention (shelter locations etc.)"),
                val("2", "交通関連の情報(時刻表、運行状況、渋滞情報等)", "Transport (timetables, service status, congestion)"),
                val("3", "税金の使い道に関する情報(予算・決算等)", "Use of taxes (budget, settlement)"),
                val("4", "健康づくり、医療福祉に関する情報", "Health, medical care and welfare"),
                val("5", "子育て・教育に関する情報", "Child care and education (synthetic option)"),
                val("6", "観光・イベントに関する情報", "Tourism and events (synthetic option)"),
                val("7", "環境に関する情報", "Environment (synthetic option)"),
                val("8", "その他", "Other (synthetic option)"),
                val("9", "特にない", "Nothing in particular (synthetic option)"));
        List<String> members = new ArrayList<>();
        for (int o = 1; o <= 9; o++) {
            members.add("q3_" + o);
        }
        String q3text = "大学や企業が市のデータを活用することで、あなたの生活に役立つと思う情報は何ですか(複数回答) / "
                + "Which municipal data, used by universities and companies, would benefit your life? (multiple answers)";
        v.add(var("q3", q3text, VariableType.MULTI_DELIMITED, q3, Set.of(), List.of()));
        v.add(var("q3_set", q3text, VariableType.MULTI_BINARY, q3, Set.of(), members));
        List<Codebook.Value> agree = List.of(val("1", "そう思う", "Agree"), val("2", "ある程度そう思う", "Somewhat agree"),
                val("3", "あまりそう思わない", "Somewhat disagree"), val("4", "そう思わない", "Disagree"));
        v.add(var("q4a", "データ活用が進むことで生活が便利になる / Wider data use makes daily life more convenient",
                VariableType.LIKERT, agree, Set.of(), List.of()));
        v.add(var("q4b", "パソコン、インターネット等の情報技術を使いこなせる人とそうでない人に格差が生じる / "
                + "A gap opens between people who can use IT and those who cannot", VariableType.LIKERT, agree, Set.of(), List.of()));
        v.add(var("q5", "市の行政サービスへの満足度 / Satisfaction with municipal services (synthetic question)", VariableType.LIKERT,
                List.of(val("5", "満足", "Satisfied"), val("4", "やや満足", "Somewhat satisfied"),
                        val("3", "どちらともいえない", "Neutral"), val("2", "やや不満", "Somewhat dissatisfied"),
                        val("1", "不満", "Dissatisfied"), val("99", "無回答", "No answer")), Set.of("99"), List.of()));
        v.add(var("q6", "マイナンバーカードをお持ちですか / Do you hold a My Number card? (synthetic question)", VariableType.SINGLE,
                List.of(val("1", "持っている", "Yes"), val("2", "持っていない", "No"), val("3", "わからない", "Don't know")),
                Set.of(), List.of()));
        return new Codebook(v);
    }

    private static Codebook.Variable var(String name, String q, VariableType t, List<Codebook.Value> values, Set<String> missing,
                                         List<String> members) {
        // "日本語 / English": the Japanese question and its optional English translation
        int slash = q.indexOf(" / ");
        return slash < 0 ? new Codebook.Variable(name, q, t, values, missing, members)
                : new Codebook.Variable(name, q.substring(0, slash), t, values, missing, members, q.substring(slash + 3));
    }

    private static Codebook.Value val(String code, String ja, String en) {
        return new Codebook.Value(code, ja, en);
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve("respondents.csv"), StandardCharsets.UTF_8)) {
                CsvWriter csv = CsvWriter.forSpreadsheets(w);
                List<Object> header = new ArrayList<>(List.of("id", "sex", "age_group", "age", "ward", "q3"));
                for (int o = 1; o <= 9; o++) {
                    header.add("q3_" + o);
                }
                header.addAll(List.of("q4a", "q4b", "q5", "q6"));
                csv.row(header);
                for (Respondent r : respondents()) {
                    StringJoiner codes = new StringJoiner(";");
                    List<Object> row = new ArrayList<>(List.of(r.id(), r.sex(), r.ageGroup(), r.age(), r.ward()));
                    List<Object> flags = new ArrayList<>();
                    for (int o = 0; o < 9; o++) {
                        if (r.q3()[o]) {
                            codes.add(Integer.toString(o + 1));
                        }
                        flags.add(r.q3()[o] ? 1 : 0);
                    }
                    row.add(codes.toString());
                    row.addAll(flags);
                    row.addAll(List.of(r.q4a(), r.q4b(), r.q5(), r.q6()));
                    csv.row(row);
                }
                csv.flush();
            }
            CodebookIo.writeCsv(codebook(), dir.resolve("codebook.csv"));
            PopulationTable.write(dir.resolve("population.csv"));
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the sample survey to " + dir + ": " + e.getMessage(), e);
        }
    }
}
