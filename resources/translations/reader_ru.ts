<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>&amp;Add Feed…</source>
            <translation>&amp;Добавить ленту…</translation>
        </message>
        <message>
            <source>&amp;Import OPML…</source>
            <translation>&amp;Импорт OPML…</translation>
        </message>
        <message>
            <source>&amp;Export OPML…</source>
            <translation>&amp;Экспорт OPML…</translation>
        </message>
        <message>
            <source>Add &amp;Starter Feeds</source>
            <translation>Добавить &amp;стартовые ленты</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Выход</translation>
        </message>
        <message>
            <source>&amp;Refresh All Feeds</source>
            <translation>&amp;Обновить все ленты</translation>
        </message>
        <message>
            <source>Refresh &amp;This Feed</source>
            <translation>Обновить &amp;эту ленту</translation>
        </message>
        <message>
            <source>&amp;Mark All as Read</source>
            <translation>&amp;Отметить все как прочитанные</translation>
        </message>
        <message>
            <source>Re&amp;name Feed…</source>
            <translation>Пере&amp;именовать ленту…</translation>
        </message>
        <message>
            <source>Move to &amp;Folder…</source>
            <translation>Переместить в &amp;папку…</translation>
        </message>
        <message>
            <source>&amp;Delete Feed…</source>
            <translation>&amp;Удалить ленту…</translation>
        </message>
        <message>
            <source>Feed &amp;Details…</source>
            <translation>&amp;Сведения о ленте…</translation>
        </message>
        <message>
            <source>Ne&amp;xt Feed</source>
            <translation>С&amp;ледующая лента</translation>
        </message>
        <message>
            <source>Pre&amp;vious Feed</source>
            <translation>П&amp;редыдущая лента</translation>
        </message>
        <message>
            <source>&amp;Next Article</source>
            <translation>&amp;Следующая статья</translation>
        </message>
        <message>
            <source>&amp;Previous Article</source>
            <translation>&amp;Предыдущая статья</translation>
        </message>
        <message>
            <source>Next &amp;Unread</source>
            <translation>Следующая &amp;непрочитанная</translation>
        </message>
        <message>
            <source>Previous U&amp;nread</source>
            <translation>Предыдущая н&amp;епрочитанная</translation>
        </message>
        <message>
            <source>Scroll or Next Unread</source>
            <translation>Прокрутить или следующая непрочитанная</translation>
        </message>
        <message>
            <source>Scroll Up</source>
            <translation>Прокрутить вверх</translation>
        </message>
        <message>
            <source>Toggle &amp;Read</source>
            <translation>&amp;Прочитано / не прочитано</translation>
        </message>
        <message>
            <source>&amp;Bookmark</source>
            <translation>&amp;Закладка</translation>
        </message>
        <message>
            <source>&amp;Open in Browser</source>
            <translation>&amp;Открыть в браузере</translation>
        </message>
        <message>
            <source>Full Text / Feed Text</source>
            <translation>Полный текст / текст ленты</translation>
        </message>
        <message>
            <source>Read the Article</source>
            <translation>Читать статью</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Поиск</translation>
        </message>
        <message>
            <source>&amp;Larger Text</source>
            <translation>&amp;Крупнее</translation>
        </message>
        <message>
            <source>&amp;Smaller Text</source>
            <translation>&amp;Мельче</translation>
        </message>
        <message>
            <source>&amp;Default Text Size</source>
            <translation>&amp;Обычный размер текста</translation>
        </message>
        <message>
            <source>Next &amp;Theme</source>
            <translation>Следующая &amp;тема</translation>
        </message>
        <message>
            <source>&amp;Unread Only</source>
            <translation>&amp;Только непрочитанные</translation>
        </message>
        <message>
            <source>Always Load &amp;Pictures</source>
            <translation>Всегда загружать &amp;картинки</translation>
        </message>
        <message>
            <source>Focus Feed List</source>
            <translation>К списку лент</translation>
        </message>
        <message>
            <source>Focus Article List</source>
            <translation>К списку статей</translation>
        </message>
        <message>
            <source>Focus Reading Pane</source>
            <translation>К области чтения</translation>
        </message>
        <message>
            <source>&amp;Full Screen</source>
            <translation>&amp;Полный экран</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Сочетания клавиш</translation>
        </message>
        <message>
            <source>&amp;Welcome</source>
            <translation>&amp;Добро пожаловать</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;О программе</translation>
        </message>
        <message>
            <source>Show the feed's text</source>
            <translation>Показать текст из ленты</translation>
        </message>
        <message>
            <source>Open the original</source>
            <translation>Открыть оригинал</translation>
        </message>
        <message>
            <source>This page may be incomplete: %1</source>
            <translation>Страница может быть неполной: %1</translation>
        </message>
        <message>
            <source>Showing the feed's summary while the full text loads…</source>
            <translation>Пока загружается полный текст, показано краткое содержание из ленты…</translation>
        </message>
        <message>
            <source>Showing the feed's own text.</source>
            <translation>Показан текст из ленты.</translation>
        </message>
        <message>
            <source>Show the full text</source>
            <translation>Показать полный текст</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Без заголовка</translation>
        </message>
        <message>
            <source>next / previous article</source>
            <translation>следующая / предыдущая статья</translation>
        </message>
        <message>
            <source>next / previous unread article</source>
            <translation>следующая / предыдущая непрочитанная статья</translation>
        </message>
        <message>
            <source>scroll the article, then go to the next unread one</source>
            <translation>прокрутить статью, затем перейти к следующей непрочитанной</translation>
        </message>
        <message>
            <source>mark read or unread</source>
            <translation>отметить как прочитанную или непрочитанную</translation>
        </message>
        <message>
            <source>bookmark: keep the article, with its pictures, for offline reading</source>
            <translation>закладка: сохранить статью с картинками для чтения без сети</translation>
        </message>
        <message>
            <source>open the original page in your browser</source>
            <translation>открыть исходную страницу в браузере</translation>
        </message>
        <message>
            <source>refresh this feed / all feeds</source>
            <translation>обновить эту ленту / все ленты</translation>
        </message>
        <message>
            <source>search</source>
            <translation>поиск</translation>
        </message>
        <message>
            <source>larger text / smaller text / default size (also A+ and A-)</source>
            <translation>крупнее / мельче / обычный размер (также кнопки A+ и A-)</translation>
        </message>
        <message>
            <source>next theme: automatic, day, sepia, night</source>
            <translation>следующая тема: автоматически, день, сепия, ночь</translation>
        </message>
        <message>
            <source>This reader shows your news feeds as clean, quiet pages: the article's own text, in a column that is easy to read, in the theme and size you choose.</source>
            <translation>Эта программа показывает ваши новостные ленты чистыми, спокойными страницами: только текст статьи, в удобной для чтения колонке, в выбранных вами теме и размере.</translation>
        </message>
        <message>
            <source>Nothing is downloaded until you ask. Add a feed by pasting the address of a website or of its feed, bring your subscriptions from another reader with Import OPML, or try the starter feeds.</source>
            <translation>Ничего не загружается, пока вы не попросите. Добавьте ленту, вставив адрес сайта или его ленты, перенесите подписки из другой программы через импорт OPML или попробуйте стартовые ленты.</translation>
        </message>
        <message>
            <source>The keys</source>
            <translation>Клавиши</translation>
        </message>
        <message>
            <source>Offline and in print</source>
            <translation>Без сети и на бумаге</translation>
        </message>
        <message>
            <source>Bookmarked articles are kept for good, with their text and pictures, so you can read them without a connection. Any article can be printed or saved as a PDF.</source>
            <translation>Статьи в закладках хранятся навсегда, с текстом и картинками, и их можно читать без сети. Любую статью можно напечатать или сохранить в PDF.</translation>
        </message>
        <message>
            <source>Show all keyboard shortcuts (?)</source>
            <translation>Показать все сочетания клавиш (?)</translation>
        </message>
        <message>
            <source>Welcome to your news reader</source>
            <translation>Добро пожаловать в программу чтения новостей</translation>
        </message>
        <message>
            <source>News Reader</source>
            <translation>Чтение новостей</translation>
        </message>
        <message>
            <source>News Reader ran into an internal error. You can keep working.</source>
            <translation>В программе произошла внутренняя ошибка. Можно продолжать работу.</translation>
        </message>
        <message>
            <source>The details were written to:</source>
            <translation>Подробности записаны в файл:</translation>
        </message>
        <message>
            <source>If this happens again, please attach that file to a bug report.</source>
            <translation>Если это повторится, приложите этот файл к сообщению об ошибке.</translation>
        </message>
        <message>
            <source>The details could not be saved to a log file.</source>
            <translation>Подробности не удалось записать в журнал.</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Что-то пошло не так</translation>
        </message>
        <message>
            <source>Show Log Folder</source>
            <translation>Открыть папку журнала</translation>
        </message>
        <message>
            <source>Your settings file could not be read, so News Reader started with the default settings.</source>
            <translation>Файл настроек не удалось прочитать, поэтому программа запущена с настройками по умолчанию.</translation>
        </message>
        <message>
            <source>The damaged file was kept as:</source>
            <translation>Повреждённый файл сохранён как:</translation>
        </message>
        <message>
            <source>The damaged file could not be moved aside:</source>
            <translation>Повреждённый файл не удалось переместить:</translation>
        </message>
        <message>
            <source>Your feeds and articles are not affected. Set your preferences again if you wish.</source>
            <translation>Ваши ленты и статьи не пострадали. При желании задайте настройки заново.</translation>
        </message>
        <message>
            <source>News Reader cannot read or write its settings file:</source>
            <translation>Программа не может прочитать или записать файл настроек:</translation>
        </message>
        <message>
            <source>Changes to the settings will not be kept. Check the file's permissions and owner.</source>
            <translation>Изменения настроек не сохранятся. Проверьте права доступа и владельца файла.</translation>
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation>Экспорт отменён.</translation>
        </message>
        <message>
            <source>Cannot start printing on this device.</source>
            <translation>Не удаётся начать печать на этом устройстве.</translation>
        </message>
        <message>
            <source>Nothing to export.</source>
            <translation>Нечего экспортировать.</translation>
        </message>
        <message>
            <source>Cannot write %1: the folder is not writable.</source>
            <translation>Не удаётся записать %1: нет права записи в папку.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Не удаётся записать %1: %2</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Печать…</translation>
        </message>
        <message>
            <source>Any time</source>
            <translation>За всё время</translation>
        </message>
        <message>
            <source>Bookmark &amp;Tags and Note…</source>
            <translation>&amp;Метки и заметка закладки…</translation>
        </message>
        <message>
            <source>Export All Bookmarks as EPUB…</source>
            <translation>Экспорт всех закладок в EPUB…</translation>
        </message>
        <message>
            <source>Export Boo&amp;kmarks…</source>
            <translation>Экспорт за&amp;кладок…</translation>
        </message>
        <message>
            <source>Export This Feed or Folder as EPUB…</source>
            <translation>Экспорт этой ленты или папки в EPUB…</translation>
        </message>
        <message>
            <source>Export as &amp;EPUB…</source>
            <translation>Экспорт в &amp;EPUB…</translation>
        </message>
        <message>
            <source>Export as &amp;HTML…</source>
            <translation>Экспорт в &amp;HTML…</translation>
        </message>
        <message>
            <source>Export as &amp;Markdown…</source>
            <translation>Экспорт в &amp;Markdown…</translation>
        </message>
        <message>
            <source>Export as P&amp;DF…</source>
            <translation>Экспорт в P&amp;DF…</translation>
        </message>
        <message>
            <source>Free some space on that disk, then start News Reader again. Nothing saved before is lost.</source>
            <translation>Освободите место на этом диске и снова запустите News Reader. Ничего из сохранённого раньше не потеряно.</translation>
        </message>
        <message>
            <source>Import &amp;Bookmarks…</source>
            <translation>Импорт &amp;закладок…</translation>
        </message>
        <message>
            <source>Import Subscriptions</source>
            <translation>Импорт подписок</translation>
        </message>
        <message>
            <source>Import subscriptions from %1?</source>
            <translation>Импортировать подписки из %1?</translation>
        </message>
        <message>
            <source>Make the folder writable (check its owner and permissions, or whether its disk is mounted read-only), then start News Reader again.</source>
            <translation>Сделайте папку доступной для записи (проверьте её владельца и права или не смонтирован ли диск только для чтения), затем снова запустите News Reader.</translation>
        </message>
        <message>
            <source>News Reader cannot open its database:</source>
            <translation>News Reader не может открыть свою базу данных:</translation>
        </message>
        <message>
            <source>News Reader cannot save anything in its data folder:</source>
            <translation>News Reader не может ничего сохранить в своей папке данных:</translation>
        </message>
        <message>
            <source>News Reader cannot use its data folder:</source>
            <translation>News Reader не может использовать свою папку данных:</translation>
        </message>
        <message>
            <source>Open Read-Only</source>
            <translation>Открыть только для чтения</translation>
        </message>
        <message>
            <source>Or start News Reader with another data folder:</source>
            <translation>Или запустите News Reader с другой папкой данных:</translation>
        </message>
        <message>
            <source>Past day</source>
            <translation>За сутки</translation>
        </message>
        <message>
            <source>Past month</source>
            <translation>За месяц</translation>
        </message>
        <message>
            <source>Past week</source>
            <translation>За неделю</translation>
        </message>
        <message>
            <source>Past year</source>
            <translation>За год</translation>
        </message>
        <message>
            <source>Print Pre&amp;view…</source>
            <translation>Пред&amp;варительный просмотр…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Выйти</translation>
        </message>
        <message>
            <source>Save &amp;Page…</source>
            <translation>Сохранить &amp;страницу…</translation>
        </message>
        <message>
            <source>Settings cannot be saved</source>
            <translation>Настройки не удаётся сохранить</translation>
        </message>
        <message>
            <source>Settings were reset</source>
            <translation>Настройки сброшены</translation>
        </message>
        <message>
            <source>Subscribe</source>
            <translation>Подписка</translation>
        </message>
        <message>
            <source>Subscribe to %1?</source>
            <translation>Подписаться на %1?</translation>
        </message>
        <message>
            <source>The data folder cannot be used</source>
            <translation>Папку данных нельзя использовать</translation>
        </message>
        <message>
            <source>The data folder is read-only</source>
            <translation>Папка данных доступна только для чтения</translation>
        </message>
        <message>
            <source>The database cannot be opened</source>
            <translation>Базу данных не удаётся открыть</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>Диск заполнен</translation>
        </message>
        <message>
            <source>The disk that holds News Reader's data is full:</source>
            <translation>Диск с данными News Reader заполнен:</translation>
        </message>
        <message>
            <source>The file was left exactly as it is.</source>
            <translation>Файл оставлен в точности как был.</translation>
        </message>
        <message>
            <source>Work &amp;Offline</source>
            <translation>Работать &amp;без сети</translation>
        </message>
        <message>
            <source>You are offline.</source>
            <translation>Вы работаете без сети.</translation>
        </message>
        <message>
            <source>You can also open it read-only until there is room again.</source>
            <translation>Можно также открыть её только для чтения, пока не появится место.</translation>
        </message>
        <message>
            <source>You can also open it read-only: you can read what is there; nothing new is saved.</source>
            <translation>Можно также открыть её только для чтения: вы сможете читать то, что есть, но ничего нового не сохранится.</translation>
        </message>
    </context>
    <context>
        <name>AddFeedDialog</name>
        <message>
            <source>Add Feed</source>
            <translation>Добавить ленту</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>https://example.org or its feed address</source>
            <translation>https://example.org или адрес его ленты</translation>
        </message>
        <message>
            <source>Website or feed address</source>
            <translation>Адрес сайта или ленты</translation>
        </message>
        <message>
            <source>Website or feed address:</source>
            <translation>Адрес сайта или ленты:</translation>
        </message>
        <message>
            <source>Feed title</source>
            <translation>Название ленты</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Папка</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <source>Latest:</source>
            <translation>Последнее:</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Папка:</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Назад</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Продолжить</translation>
        </message>
        <message>
            <source>Subscribe</source>
            <translation>Подписаться</translation>
        </message>
        <message>
            <source>Finding feed…</source>
            <translation>Поиск ленты…</translation>
        </message>
        <message>
            <source>This site offers several feeds:</source>
            <translation>На этом сайте несколько лент:</translation>
        </message>
        <message>
            <source>(recommended)</source>
            <translation>(рекомендуется)</translation>
        </message>
        <message>
            <source>Reading the feed…</source>
            <translation>Чтение ленты…</translation>
        </message>
        <message>
            <source>No items yet.</source>
            <translation>Пока нет записей.</translation>
        </message>
        <message>
            <source>Subscribing…</source>
            <translation>Подписка…</translation>
        </message>
    </context>
    <context>
        <name>ArticleBrowser</name>
        <message>
            <source>Article</source>
            <translation>Статья</translation>
        </message>
        <message>
            <source>Links of this kind are not opened: %1</source>
            <translation>Такие ссылки не открываются: %1</translation>
        </message>
    </context>
    <context>
        <name>ArticleTableModel</name>
        <message>
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Заголовок</translation>
        </message>
        <message>
            <source>Feed</source>
            <translation>Лента</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>(без заголовка)</translation>
        </message>
        <message>
            <source>unread</source>
            <translation>не прочитано</translation>
        </message>
        <message>
            <source>read</source>
            <translation>прочитано</translation>
        </message>
        <message>
            <source>bookmarked</source>
            <translation>в закладках</translation>
        </message>
    </context>
    <context>
        <name>EmptyState</name>
        <message>
            <source>No subscriptions yet</source>
            <translation>Подписок пока нет</translation>
        </message>
        <message>
            <source>Paste a website or feed address, or bring your subscriptions from another reader.</source>
            <translation>Вставьте адрес сайта или ленты или перенесите подписки из другой программы.</translation>
        </message>
        <message>
            <source>Add Feed…</source>
            <translation>Добавить ленту…</translation>
        </message>
        <message>
            <source>Import OPML…</source>
            <translation>Импорт OPML…</translation>
        </message>
        <message>
            <source>Add starter feeds</source>
            <translation>Добавить стартовые ленты</translation>
        </message>
        <message>
            <source>A few hand-picked feeds in a Starter folder; remove them in one step.</source>
            <translation>Несколько отобранных лент в папке «Starter»; их можно удалить одним действием.</translation>
        </message>
    </context>
    <context>
        <name>FeedCommands</name>
        <message>
            <source>Subscribed to %1.</source>
            <translation>Подписка на «%1» оформлена.</translation>
        </message>
        <message>
            <source>Import Subscriptions</source>
            <translation>Импорт подписок</translation>
        </message>
        <message>
            <source>OPML files (*.opml *.xml);;All files (*)</source>
            <translation>Файлы OPML (*.opml *.xml);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Imported %1 feeds (%2 already subscribed).</source>
            <translation>Импортировано лент: %1 (уже были в подписках: %2).</translation>
        </message>
        <message>
            <source>Export Subscriptions</source>
            <translation>Экспорт подписок</translation>
        </message>
        <message>
            <source>OPML files (*.opml)</source>
            <translation>Файлы OPML (*.opml)</translation>
        </message>
        <message>
            <source>Subscriptions saved to %1.</source>
            <translation>Подписки сохранены в %1.</translation>
        </message>
        <message>
            <source>Marked %1 articles as read.</source>
            <translation>Отмечено как прочитанные: %1.</translation>
        </message>
        <message>
            <source>Keeping the article for offline reading…</source>
            <translation>Сохранение статьи для чтения без сети…</translation>
        </message>
        <message>
            <source>Bookmarked, but its full text could not be saved: %1</source>
            <translation>Закладка добавлена, но полный текст сохранить не удалось: %1</translation>
        </message>
        <message>
            <source>Bookmarked: kept for offline reading.</source>
            <translation>Закладка добавлена: статья сохранена для чтения без сети.</translation>
        </message>
        <message>
            <source>Rename Feed</source>
            <translation>Переименовать ленту</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <source>Move to Folder</source>
            <translation>Переместить в папку</translation>
        </message>
        <message>
            <source>Folder (empty for none):</source>
            <translation>Папка (пусто — без папки):</translation>
        </message>
        <message>
            <source>Delete Feed</source>
            <translation>Удалить ленту</translation>
        </message>
        <message>
            <source>Unsubscribe from %1? Its articles are deleted; bookmarked ones are kept.</source>
            <translation>Отписаться от «%1»? Её статьи будут удалены, статьи в закладках сохранятся.</translation>
        </message>
        <message>
            <source>Address: %1</source>
            <translation>Адрес: %1</translation>
        </message>
        <message>
            <source>Last checked: %1</source>
            <translation>Последняя проверка: %1</translation>
        </message>
        <message>
            <source>never</source>
            <translation>никогда</translation>
        </message>
        <message>
            <source>Last error: %1</source>
            <translation>Последняя ошибка: %1</translation>
        </message>
        <message numerus="yes">
            <source>Failed %n time(s) in a row.</source>
            <translation>
                <numerusform>Ошибка %n раз подряд.</numerusform>
                <numerusform>Ошибка %n раза подряд.</numerusform>
                <numerusform>Ошибка %n раз подряд.</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not subscribe to %1: %2</source>
            <translation>Не удалось подписаться на %1: %2</translation>
        </message>
        <message>
            <source>Subscribing to %1…</source>
            <translation>Подписка на %1…</translation>
        </message>
    </context>
    <context>
        <name>FeedTreeModel</name>
        <message>
            <source>All articles</source>
            <translation>Все статьи</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>Закладки</translation>
        </message>
        <message>
            <source>Feed</source>
            <translation>Лента</translation>
        </message>
        <message>
            <source>Unread</source>
            <translation>Непрочитанные</translation>
        </message>
        <message>
            <source>This feed could not be refreshed: %1</source>
            <translation>Не удалось обновить ленту: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n unread</source>
            <translation>
                <numerusform>%n непрочитанная</numerusform>
                <numerusform>%n непрочитанные</numerusform>
                <numerusform>%n непрочитанных</numerusform>
            </translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>ошибка: %1</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>News Reader</source>
            <translation>Чтение новостей</translation>
        </message>
        <message>
            <source>Feeds</source>
            <translation>Ленты</translation>
        </message>
        <message>
            <source>Search articles (/)</source>
            <translation>Поиск статей (/)</translation>
        </message>
        <message>
            <source>Search articles</source>
            <translation>Поиск статей</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>Статьи</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>Fee&amp;d</source>
            <translation>&amp;Лента</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>&amp;Статья</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Тема</translation>
        </message>
        <message>
            <source>Follow the System</source>
            <translation>Как в системе</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <source>Sepia</source>
            <translation>Сепия</translation>
        </message>
        <message>
            <source>Night</source>
            <translation>Ночь</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Основная</translation>
        </message>
        <message>
            <source>No more unread articles here.</source>
            <translation>Здесь больше нет непрочитанных статей.</translation>
        </message>
        <message>
            <source>A refresh is already running.</source>
            <translation>Обновление уже идёт.</translation>
        </message>
        <message>
            <source>Refreshed %1 feeds: %2 new articles, %3 errors.</source>
            <translation>Обновлено лент: %1; новых статей: %2; ошибок: %3.</translation>
        </message>
        <message>
            <source>About News Reader</source>
            <translation>О программе</translation>
        </message>
        <message>
            <source>A desktop reader for news feeds.</source>
            <translation>Программа для чтения новостных лент.</translation>
        </message>
        <message>
            <source>%1 (read-only)</source>
            <translation>%1 (только чтение)</translation>
        </message>
        <message numerus="yes">
            <source>%n articles</source>
            <translation>
                <numerusform>%n статья</numerusform>
                <numerusform>%n статьи</numerusform>
                <numerusform>%n статей</numerusform>
            </translation>
        </message>
        <message>
            <source>Back online.</source>
            <translation>Снова в сети.</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>Закладки</translation>
        </message>
        <message>
            <source>Cannot open %1: not a feed address, a feed file or an OPML file.</source>
            <translation>Не удаётся открыть %1: это не адрес ленты, не файл ленты и не файл OPML.</translation>
        </message>
        <message>
            <source>Nothing is fetched from the network (View ▸ Work Offline).</source>
            <translation>Из сети ничего не загружается (Вид ▸ Работать без сети).</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Без сети</translation>
        </message>
        <message>
            <source>Offline: only what is stored is shown.</source>
            <translation>Без сети: показывается только сохранённое.</translation>
        </message>
        <message>
            <source>Search in articles from</source>
            <translation>Искать в статьях за период</translation>
        </message>
        <message>
            <source>You are offline: feeds are not refreshed.</source>
            <translation>Вы без сети: ленты не обновляются.</translation>
        </message>
    </context>
    <context>
        <name>ReadingPane</name>
        <message>
            <source>Smaller text</source>
            <translation>Мельче</translation>
        </message>
        <message>
            <source>Larger text</source>
            <translation>Крупнее</translation>
        </message>
        <message>
            <source>Reading pane</source>
            <translation>Область чтения</translation>
        </message>
        <message>
            <source>%1 px</source>
            <translation>%1 пикс.</translation>
        </message>
        <message>
            <source>The full text is ready.</source>
            <translation>Полный текст готов.</translation>
        </message>
        <message>
            <source>Show the full text</source>
            <translation>Показать полный текст</translation>
        </message>
        <message>
            <source>Open the original</source>
            <translation>Открыть оригинал</translation>
        </message>
        <message>
            <source>Could not get the full text: %1</source>
            <translation>Не удалось получить полный текст: %1</translation>
        </message>
        <message numerus="yes">
            <source>Load %n picture(s)</source>
            <translation>
                <numerusform>Загрузить %n картинку</numerusform>
                <numerusform>Загрузить %n картинки</numerusform>
                <numerusform>Загрузить %n картинок</numerusform>
            </translation>
        </message>
        <message>
            <source>Pictures are not downloaded until you ask.</source>
            <translation>Картинки не загружаются, пока вы не попросите.</translation>
        </message>
        <message>
            <source>Loading pictures…</source>
            <translation>Загрузка картинок…</translation>
        </message>
        <message>
            <source>Bookmark</source>
            <translation>Закладка</translation>
        </message>
        <message>
            <source>Bookmark: keep for offline reading (S)</source>
            <translation>В закладки: сохранить для чтения без сети (S)</translation>
        </message>
        <message>
            <source>Offline: showing the feed's text; the full text is fetched when you are online.</source>
            <translation>Без сети: показан текст из ленты; полный текст загрузится, когда появится сеть.</translation>
        </message>
        <message>
            <source>Offline: the full text could not be fetched (%1).</source>
            <translation>Нет сети: полный текст загрузить не удалось (%1).</translation>
        </message>
    </context>
    <context>
        <name>RefreshStatus</name>
        <message>
            <source>Refresh progress</source>
            <translation>Ход обновления</translation>
        </message>
        <message>
            <source>%1 of %2 feeds</source>
            <translation>%1 из %2 лент</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Cancel refresh</source>
            <translation>Отменить обновление</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Сочетания клавиш</translation>
        </message>
        <message>
            <source>Shortcuts</source>
            <translation>Сочетания</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Действие</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Клавиши</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Something went wrong</source>
            <translation>Что-то пошло не так</translation>
        </message>
        <message>
            <source>An internal error occurred; it has been logged.</source>
            <translation>Произошла внутренняя ошибка; она записана в журнал.</translation>
        </message>
    </context>
    <context>
        <name>BookmarkCommands</name>
        <message>
            <source>Address of the page to keep for offline reading:</source>
            <translation>Адрес страницы, которую нужно сохранить для чтения без сети:</translation>
        </message>
        <message>
            <source>Bookmark details saved.</source>
            <translation>Сведения о закладке сохранены.</translation>
        </message>
        <message>
            <source>Bookmark files (*.json)</source>
            <translation>Файлы закладок (*.json)</translation>
        </message>
        <message>
            <source>Bookmark files (*.json);;All files (*)</source>
            <translation>Файлы закладок (*.json);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Bookmarked, but its full text could not be saved: %1</source>
            <translation>Закладка создана, но полный текст сохранить не удалось: %1</translation>
        </message>
        <message>
            <source>Could not save the page: %1</source>
            <translation>Не удалось сохранить страницу: %1</translation>
        </message>
        <message>
            <source>Export Bookmarks</source>
            <translation>Экспорт закладок</translation>
        </message>
        <message>
            <source>Import Bookmarks</source>
            <translation>Импорт закладок</translation>
        </message>
        <message>
            <source>Imported %1 new bookmarks; %2 already kept.</source>
            <translation>Импортировано новых закладок: %1; уже были: %2.</translation>
        </message>
        <message>
            <source>Only bookmarked articles have tags and a note: %1</source>
            <translation>Метки и заметка есть только у статей в закладках: %1</translation>
        </message>
        <message>
            <source>Save Page</source>
            <translation>Сохранить страницу</translation>
        </message>
        <message>
            <source>Saved %1 bookmarks to %2.</source>
            <translation>Закладок сохранено: %1, в файл %2.</translation>
        </message>
        <message>
            <source>Saved “%1” for offline reading.</source>
            <translation>«%1» сохранена для чтения без сети.</translation>
        </message>
        <message>
            <source>Saving %1 for offline reading…</source>
            <translation>Сохранение %1 для чтения без сети…</translation>
        </message>
        <message>
            <source>Select a bookmarked article first.</source>
            <translation>Сначала выберите статью из закладок.</translation>
        </message>
    </context>
    <context>
        <name>BookmarkDialog</name>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Заметка:</translation>
        </message>
        <message>
            <source>&amp;Tags (comma-separated):</source>
            <translation>&amp;Метки (через запятую):</translation>
        </message>
        <message>
            <source>Bookmark Details</source>
            <translation>Сведения о закладке</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Заметка</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Метки</translation>
        </message>
        <message>
            <source>for example: history, to read</source>
            <translation>например: история, прочитать</translation>
        </message>
    </context>
    <context>
        <name>Exporter</name>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <source>Export as EPUB</source>
            <translation>Экспорт в EPUB</translation>
        </message>
        <message>
            <source>Export as HTML</source>
            <translation>Экспорт в HTML</translation>
        </message>
        <message>
            <source>Export as Markdown</source>
            <translation>Экспорт в Markdown</translation>
        </message>
        <message>
            <source>Export as PDF</source>
            <translation>Экспорт в PDF</translation>
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation>Экспорт отменён.</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Экспорт не удался</translation>
        </message>
        <message>
            <source>Exported to %1.</source>
            <translation>Экспортировано в %1.</translation>
        </message>
        <message>
            <source>Exporting to %1…</source>
            <translation>Экспорт в %1…</translation>
        </message>
        <message>
            <source>HTML and Markdown exports take one article; use EPUB or PDF for several.</source>
            <translation>В HTML и Markdown экспортируется одна статья; для нескольких используйте EPUB или PDF.</translation>
        </message>
        <message>
            <source>Select an article first.</source>
            <translation>Сначала выберите статью.</translation>
        </message>
        <message numerus="yes">
            <source>Sent %n page(s) to the printer.</source>
            <translation>
                <numerusform>На принтер отправлена %n страница.</numerusform>
                <numerusform>На принтер отправлены %n страницы.</numerusform>
                <numerusform>На принтер отправлено %n страниц.</numerusform>
            </translation>
        </message>
    </context>
</TS>