"""The desktop window: panes, dialogs, actions, item models and themes (Qt widgets)."""
