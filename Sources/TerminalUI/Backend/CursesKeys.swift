import CNcurses

/// Maps what ncurses' `get_wch` returns to `Key`s.
enum CursesKeys {
    /// A function-key code (`get_wch` returned KEY_CODE_YES).
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        default:
            let f1 = tui_key_f(1)
            if code >= f1 && code < f1 + 24 { return .function(Int(code - f1) + 1) }
            return nil
        }
    }

    /// A character (`get_wch` returned OK). ESC is handled by the caller (it may start Alt-x).
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 0x09: return .tab
        case 0x0D: return .enter
        // With nonl(), Enter arrives as CR; LF is Ctrl-J (or a line break in a paste).
        case 0x0A: return .ctrl("j")
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A: return Unicode.Scalar(value + 0x60).map { .ctrl(Character($0)) }
        case 0x00..<0x20, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// A mouse report from `getmouse`.
    static func mouseEvent(x: Int32, y: Int32, buttons: mmask_t) -> MouseEvent? {
        let position = Point(x: Int(x), y: Int(y))
        let kind: MouseEvent.Kind
        if buttons & tui_button4_pressed() != 0 {
            kind = .wheelUp
        } else if buttons & tui_button5_pressed() != 0 {
            kind = .wheelDown
        } else if buttons & (tui_button1_pressed() | tui_button1_clicked()) != 0 {
            kind = .press(.left)
        } else if buttons & (tui_button3_pressed() | tui_button3_clicked()) != 0 {
            kind = .press(.right)
        } else if buttons & tui_button1_released() != 0 {
            kind = .release
        } else {
            return nil
        }
        return MouseEvent(kind: kind, position: position)
    }
}
