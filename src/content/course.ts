import { getCollection, type CollectionEntry } from 'astro:content';

/** Queries over the course content: chapter order, lesson order, URLs and neighbours. */

export type ChapterEntry = CollectionEntry<'chapters'>;
export type LessonEntry = CollectionEntry<'lessons'>;

/** A lesson as the navigation needs it. */
export interface LessonLink {
  /** Chapter folder name, e.g. `03-pods`. */
  chapter: string;
  /** Lesson file name without extension, e.g. `01-your-first-pod`. */
  lesson: string;
  title: string;
  href: string;
}

/** A chapter with its lessons, in course order. */
export interface CourseChapter {
  id: string;
  data: ChapterEntry['data'];
  lessons: LessonLink[];
}

/** Splits a lesson id (`03-pods/01-your-first-pod`) into its folder and file names. */
export function lessonParams(entry: LessonEntry): { chapter: string; lesson: string } {
  const [chapter = '', lesson = ''] = entry.id.split('/');
  return { chapter, lesson };
}

export function lessonLink(entry: LessonEntry): LessonLink {
  const { chapter, lesson } = lessonParams(entry);
  return { chapter, lesson, title: entry.data.title, href: `/${chapter}/${lesson}/` };
}

/** Every chapter ordered by `number`, each with its lessons ordered by file-name prefix. */
export async function getCourse(): Promise<CourseChapter[]> {
  const [chapters, lessons] = await Promise.all([getCollection('chapters'), getCollection('lessons')]);
  const links = lessons.map(lessonLink).sort((a, b) => a.lesson.localeCompare(b.lesson, 'en'));
  return chapters
    .sort((a, b) => a.data.number - b.data.number)
    .map((c) => ({ id: c.id, data: c.data, lessons: links.filter((l) => l.chapter === c.id) }));
}

/** All lessons of the course in reading order. */
export function flattenLessons(course: CourseChapter[]): LessonLink[] {
  return course.flatMap((c) => c.lessons);
}
