<?php
/**
 * Runs the plugin outside WordPress against a Précis server:
 *
 *     php examples/php/run.php [ARTICLE]   (default: examples/articles/ru-astana-summit.txt)
 *
 * PRECIS_URL (default http://127.0.0.1:8787) and PRECIS_API_KEY (optional) come from the
 * environment. Prints the medium summary, then the article with its sentences in <mark>, and
 * checks that every mb_substr() slice is the sentence the API returned.
 */

require __DIR__ . '/wp-shim.php';

define('PRECIS_URL', getenv('PRECIS_URL') ?: 'http://127.0.0.1:8787');
define('PRECIS_API_KEY', getenv('PRECIS_API_KEY') ?: '');

require __DIR__ . '/precis-summary.php';

$article = isset($argv[1]) ? $argv[1] : __DIR__ . '/../articles/ru-astana-summit.txt';
$text = file_get_contents($article);

$result = precis_summarize($text, array('short', 'medium'));
if (is_wp_error($result)) {
    fwrite(STDERR, $result->get_error_code() . ': ' . $result->get_error_message() . "\n");
    exit(1);
}

$medium = $result['summaries'][1];
echo 'language: ' . $result['language']['language'] . "\n";
echo 'medium: ' . $medium['text'] . "\n\n";

foreach ($medium['sentences'] as $sentence) {
    $slice = mb_substr($text, $sentence['offset'], $sentence['length'], 'UTF-8');
    if ($slice !== $sentence['text']) {
        fwrite(STDERR, "offset mismatch at {$sentence['offset']}: '$slice' !== '{$sentence['text']}'\n");
        exit(1);
    }
}
echo precis_highlight($text, $medium) . "\n\n";

// What a theme shows: the post content (HTML) with the short summary above it.
$post = '<h1>' . esc_html(strtok($text, "\n")) . '</h1><p>' . esc_html(strtok('')) . '</p>';
$shown = precis_summary_filter($post);
if (strpos($shown, '<p class="precis-summary">') !== 0) {
    fwrite(STDERR, "the_content filter added no summary\n");
    exit(1);
}
echo 'the_content: ' . substr($shown, 0, strpos($shown, '</p>') + 4) . "\n";
