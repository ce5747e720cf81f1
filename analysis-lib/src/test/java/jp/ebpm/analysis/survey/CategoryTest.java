package jp.ebpm.analysis.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Canonical codes, ordering and column letters. */
class CategoryTest {

    @Test
    void canonicalCodes() {
        assertEquals("1", Category.canonical(1.0));
        assertEquals("1", Category.canonical("1.0"));
        assertEquals("01", Category.canonical("01"));
        assertEquals("2.5", Category.canonical("2.50"));
        assertNull(Category.canonical("  "));
    }

    @Test
    void numericCodesSortNumerically() {
        assertEquals(List.of("2", "10", "99"), Category.order(List.of("10", "99", "2"), null).stream().map(Category::code).toList());
        assertEquals(List.of("B", "a"), Category.order(List.of("a", "B"), null).stream().map(Category::code).toList());
    }

    @Test
    void codebookOrderFirstAndMissingCodesByValue() {
        Codebook.Variable v = new Codebook.Variable("q", "", VariableType.SINGLE,
                List.of(new Codebook.Value("3", "三", null), new Codebook.Value("1", "一", null)), Set.of("99"), List.of());
        assertEquals(List.of("三", "一", "2"), Category.order(List.of("1", "2", "3"), v).stream().map(Category::label).toList());
        assertEquals(true, Category.isMissingCode("99", v));
        assertEquals(false, Category.isMissingCode("9", v));
    }

    @Test
    void lettersBeyondZ() {
        assertEquals(List.of("A", "B"), ColumnLetters.names(2));
        assertEquals("AA", ColumnLetters.names(27).get(26));
    }
}
