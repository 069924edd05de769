/* The main screen's draw/key pair: see screen.h. */
#include "screen.h"

#include <stdio.h>

#include <curses.h>

#include "compare_screen.h"
#include "keys.h"
#include "panes.h"
#include "projector.h"
#include "tlssim/i18n.h"

void tui_screen_draw(tui_app *a)
{
    if (a->cmp) {
        tui_compare_draw(a);
        return;
    }
    if (tui_keys_screen(a) == TUI_KEYS_PROJECTOR) {
        tui_projector_draw(a);
        return;
    }
    tui_layout L;
    erase();
    tui_layout_compute(&L, LINES, COLS, a->lessons_on, a->focus);
    if (L.mode == TUI_LAYOUT_TOO_SMALL) {
        tui_draw_too_small(LINES, COLS);
        return;
    }
    if (a->run.attack)
        tui_layout_split_attacker(&L);
    tui_draw_title(a, L.title);
    tui_draw_stepbar(a, L.stepbar);
    tui_draw_stepinfo(a, L.stepinfo);
    if (tui_rect_visible(L.tabs))
        tui_draw_tabs(a, L.tabs);
    if (tui_rect_visible(L.pane[TUI_PANE_CLIENT]))
        tui_draw_party(a, TUI_PANE_CLIENT, L.pane[TUI_PANE_CLIENT]);
    if (tui_rect_visible(L.pane[TUI_PANE_SERVER]))
        tui_draw_party(a, TUI_PANE_SERVER, L.pane[TUI_PANE_SERVER]);
    if (tui_rect_visible(L.pane[TUI_PANE_WIRE]))
        tui_draw_party(a, TUI_PANE_WIRE, L.pane[TUI_PANE_WIRE]);
    if (tui_rect_visible(L.pane[TUI_PANE_ATTACKER]))
        tui_draw_party(a, TUI_PANE_ATTACKER, L.pane[TUI_PANE_ATTACKER]);
    if (tui_rect_visible(L.pane[TUI_PANE_RECORDS]))
        tui_draw_records(a, L.pane[TUI_PANE_RECORDS]);
    if (tui_rect_visible(L.pane[TUI_PANE_FIELDS]))
        tui_draw_fields(a, L.pane[TUI_PANE_FIELDS]);
    if (tui_rect_visible(L.hex))
        tui_draw_hex(a, L.hex);
    if (tui_rect_visible(L.pane[TUI_PANE_LESSON]))
        tui_draw_lesson(a, L.pane[TUI_PANE_LESSON]);
    tui_draw_footer(a, L.footer);
    tui_draw_popup(a);
}

bool tui_screen_can_advance(const tui_app *a)
{
    if (a->cmp)
        return a->cmp_row + 1 < tui_compare_pages(a);
    return a->step < a->model.last_step || tui_projector_hiding(a);
}

bool tui_screen_advance(tui_app *a)
{
    if (a->cmp)
        return tui_compare_advance(a);
    if (tui_keys_screen(a) == TUI_KEYS_PROJECTOR && tui_projector_reveal(a))
        return true; /* --quiz: the hidden values first */
    if (a->step >= a->model.last_step)
        return false;
    tui_app_goto(a, tui_model_next(&a->model, a->step));
    return true;
}

/* Number of entries ↑/↓ move through in the focused pane. */
static size_t pane_count(const tui_app *a)
{
    switch (a->focus) {
    case TUI_PANE_CLIENT:
    case TUI_PANE_SERVER:
    case TUI_PANE_WIRE:
    case TUI_PANE_ATTACKER: return a->n_items[tui_pane_party(a->focus)];
    case TUI_PANE_RECORDS: return a->n_records;
    case TUI_PANE_FIELDS: return a->n_rows;
    default: return 0;
    }
}

/* Move the selection (or the lesson's scroll) by delta entries. */
void tui_screen_move(tui_app *a, long delta)
{
    if (a->focus == TUI_PANE_LESSON) {
        long s = (long)a->scroll[TUI_PANE_LESSON] + delta;
        a->scroll[TUI_PANE_LESSON] = s < 0 ? 0 : (size_t)s; /* the draw bounds it */
        return;
    }
    size_t n = pane_count(a);
    if (n == 0)
        return;
    long s = (long)a->sel[a->focus] + delta;
    if (s < 0)
        s = 0;
    if (s >= (long)n)
        s = (long)n - 1;
    if (a->focus == TUI_PANE_RECORDS) {
        if ((size_t)s != a->sel[TUI_PANE_RECORDS])
            tui_app_select_record(a, (size_t)s);
        return;
    }
    a->sel[a->focus] = (size_t)s;
}

void tui_screen_step_to(tui_app *a, int n)
{
    int last = a->model.last_step, steps = a->model.flow->n;
    if (n < 1) {
        tui_app_status(a, "%s", _("this is the first step"));
    } else if (n > last && !a->res.ok && last < steps) {
        /* A failed run (a live peer's alert, a tampered byte): say which
         * steps never happened, not only that there are no more. */
        if (last + 1 == steps)
            tui_app_status(a, _("this is the last step: the handshake stopped here "
                                "(step %d never happened)"), steps);
        else
            tui_app_status(a, _("this is the last step: the handshake stopped here "
                                "(steps %d-%d never happened)"), last + 1, steps);
    } else if (n > last) {
        tui_app_status(a, "%s", a->res.ok ? _("this is the last step")
                                          : _("this is the last step: the handshake stopped here"));
    } else {
        tui_app_goto(a, n);
    }
}

void tui_screen_key(tui_app *a, int ch)
{
    if (ch == ERR)
        return;
    if (ch != KEY_RESIZE)
        a->status[0] = '\0';
    unsigned screen = a->popup.kind == TUI_POPUP_ATTACKS ? TUI_KEYS_MENU
                    : a->popup.kind != TUI_POPUP_NONE ? TUI_KEYS_POPUP
                                                      : tui_keys_screen(a);
    tui_keys_dispatch(a, screen, ch);
}
