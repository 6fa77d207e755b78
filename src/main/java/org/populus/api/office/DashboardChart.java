package org.populus.api.office;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the dashboard's bar chart of registrations and decisions per day, drawn by the template as plain
 * SVG ({@code dashboard.html}): two bars a day, scaled to the largest count, with a label every week.
 *
 * @param max   the count the top of the plot stands for (at least 1)
 * @param bars  every bar, registrations then decisions of each day
 * @param ticks the day labels along the bottom
 */
record DashboardChart(long max, List<Bar> bars, List<Tick> ticks, long registrations, long decisions) {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 48;
    static final int TOP = 12;
    static final int BOTTOM = 200;
    static final int RIGHT = 712;

    /** One bar: where it is drawn and what it says ({@code series}: {@code registrations} or {@code decisions}). */
    record Bar(String series, LocalDate day, long value, double x, double y, double width, double height) {
    }

    /** A day label at {@code x}. */
    record Tick(LocalDate day, double x) {
    }

    static DashboardChart of(List<DashboardFigures.Day> days) {
        long max = Math.max(1, days.stream()
                .mapToLong(d -> Math.max(d.registrations(), d.decisions())).max().orElse(0));
        double slot = (double) (RIGHT - LEFT) / Math.max(1, days.size());
        double barWidth = slot * 0.4;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DashboardFigures.Day d = days.get(i);
            double x = LEFT + i * slot + slot * 0.1;
            bars.add(bar("registrations", d.day(), d.registrations(), x, barWidth, max));
            bars.add(bar("decisions", d.day(), d.decisions(), x + barWidth, barWidth, max));
            if ((days.size() - 1 - i) % 7 == 0) {
                ticks.add(new Tick(d.day(), LEFT + i * slot + slot / 2));
            }
        }
        return new DashboardChart(max, List.copyOf(bars), List.copyOf(ticks),
                days.stream().mapToLong(DashboardFigures.Day::registrations).sum(),
                days.stream().mapToLong(DashboardFigures.Day::decisions).sum());
    }

    private static Bar bar(String series, LocalDate day, long value, double x, double width, long max) {
        double height = (double) (BOTTOM - TOP) * value / max;
        return new Bar(series, day, value, round(x), round(BOTTOM - height), round(width), round(height));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int top() {
        return TOP;
    }

    public int bottom() {
        return BOTTOM;
    }

    public int right() {
        return RIGHT;
    }
}
