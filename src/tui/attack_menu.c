/* The attack lab's menu (a in the TUI): choose an attacker for the channel,
 * or none, and re-run.  A popup of its own key screen (TUI_KEYS_MENU):
 * ↑↓ choose, Enter re-runs, Esc closes. */
#include "attack_menu.h"

#include <string.h>

#include "panes.h"
#include "textw.h"
#include "theme.h"
#include "tlssim/i18n.h"

void tui_attack_menu_open(tui_app *a)
{
    if (!tls_app_can_rerun(&a->run)) {
        tui_app_status(a, "%s", _("the attack lab runs in-process: a live run cannot have "
                                  "an attacker"));
        return;
    }
    memset(&a->popup, 0, sizeof a->popup);
    a->popup.kind = TUI_POPUP_ATTACKS;
    for (size_t i = 0; i < tls_attack_count(); i++)
        if (tls_attack_at(i) == a->run.attack)
            a->popup.row = i + 1;
}

void tui_attack_menu_lines(const tui_app *a, tui_lines *L, int width)
{
    tui_lines_wrap(L, A_NORMAL,
                   _("An attacker sits on the channel between client and server: every record "
                     "passes through it. Choose one and watch where the handshake stops it."),
                   width, 0);
    tui_lines_add(L, A_NORMAL, "%s", "");
    /* One column as wide as the longest name (missing-intermediate is 20),
     * in screen columns: the translated "(none)" may be full-width. */
    int col = tui_text_width(_("(none)"));
    for (size_t i = 0; i < tls_attack_count(); i++)
        if (tui_text_width(tls_attack_at(i)->name) > col)
            col = tui_text_width(tls_attack_at(i)->name);
    for (size_t row = 0; row <= tls_attack_count(); row++) {
        const tls_attack_info *at = row ? tls_attack_at(row - 1) : NULL;
        const char *name = at ? at->name : _("(none)");
        bool sel = row == a->popup.row;
        attr_t attr = sel ? tui_attr(TUI_S_SELECTED) : A_NORMAL;
        tui_lines_add(L, attr, "%s %s%*s %s", sel ? tui_glyph()->arrow_r : " ", name,
                      col - tui_text_width(name), "",
                      at ? tls_i18n_template(at->does) : _("no attacker: the handshake as usual"));
    }
}

void tui_attack_menu_up(tui_app *a)
{
    if (a->popup.row > 0)
        a->popup.row--;
}

void tui_attack_menu_down(tui_app *a)
{
    if (a->popup.row < tls_attack_count())
        a->popup.row++;
}

void tui_attack_menu_choose(tui_app *a)
{
    const tls_attack_info *at = a->popup.row ? tls_attack_at(a->popup.row - 1) : NULL;
    a->popup.kind = TUI_POPUP_NONE;
    tls_app_set_attack(&a->run, at);
    if (!tui_app_rerun(a, 1))
        return;
    if (at)
        tui_app_status(a, _("re-ran the handshake with the attacker %s: %s"), at->name,
                       tls_i18n_template(at->does));
    else
        tui_app_status(a, "%s", _("re-ran the handshake without an attacker"));
}
